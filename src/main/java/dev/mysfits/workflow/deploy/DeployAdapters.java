package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.CallerIdentity;
import dev.mysfits.aws.CloudWatchLogGroups;
import dev.mysfits.aws.IamRoles;
import dev.mysfits.aws.LogGroups;
import dev.mysfits.aws.Roles;
import dev.mysfits.aws.ContainerService;
import dev.mysfits.aws.EcrPushedImages;
import dev.mysfits.aws.EcsContainerService;
import dev.mysfits.aws.Elbv2LoadBalancerRouter;
import dev.mysfits.aws.LoadBalancerRouter;
import dev.mysfits.aws.PushedImages;
import dev.mysfits.aws.StsCallerIdentity;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.template.RenderedTaskDefinition;
import dev.mysfits.template.TaskDefinitionRenderer;
import dev.mysfits.workflow.setup.SetupAdapters;
import dev.mysfits.workflow.setup.SetupLookup;
import dev.mysfits.workflow.setup.SetupState;

/** The adapters deploy, task run, scale and status work through, built on the SDK clients. */
public record DeployAdapters(ContainerService containers, LoadBalancerRouter router, PushedImages images,
                             CallerIdentity identity, InfrastructureLookup infrastructure,
                             TaskDefinitionTemplates templates, Roles roles, LogGroups logGroups) {

    public static DeployAdapters from(AwsClients aws, WorkshopConfig workshop) {
        ContainerService containers = new EcsContainerService(aws.ecs(), aws.ecsSingleAttempt());
        TaskDefinitionRenderer renderer = new TaskDefinitionRenderer(workshop.directory());
        return new DeployAdapters(
                containers,
                new Elbv2LoadBalancerRouter(aws.elb()),
                new EcrPushedImages(aws.ecr()),
                new StsCallerIdentity(aws.sts()),
                () -> infrastructure(new SetupLookup(SetupAdapters.of(aws), new ResourceNames(workshop.name()), aws.region())
                        .find(workshop.services().keySet())),
                (template, launchType, values) -> {
                    RenderedTaskDefinition rendered = renderer.render(template, launchType, values);
                    return new TaskDefinitionTemplates.Rendered(rendered.json(), rendered.request());
                },
                new IamRoles(aws.iam()),
                new CloudWatchLogGroups(aws.logs()));
    }

    private static Infrastructure infrastructure(SetupState setup) {
        return new Infrastructure(setup.region(), setup.clusterName(), setup.vpcId(), setup.subnetIds(),
                setup.tasksSecurityGroupId(), setup.loadBalancerArn(), setup.loadBalancerDnsName(), setup.listenerArn(),
                setup.executionRoleArn(), setup.taskRoleArn());
    }
}
