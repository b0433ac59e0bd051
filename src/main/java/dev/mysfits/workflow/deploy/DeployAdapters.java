package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.AwsAdapters;
import dev.mysfits.aws.sts.CallerIdentity;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.aws.ecr.PushedImages;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.template.TaskDefinitionRenderer;
import dev.mysfits.workflow.setup.SetupAdapters;
import dev.mysfits.workflow.setup.SetupLookup;
import dev.mysfits.workflow.setup.SetupState;

/** The adapters deploy, task run, scale and status work through, built on the SDK clients. */
public record DeployAdapters(ContainerService containers, LoadBalancerRouter router, PushedImages images,
                             CallerIdentity identity, InfrastructureLookup infrastructure,
                             TaskDefinitionTemplates templates, Roles roles, LogGroups logGroups) {

    public static DeployAdapters from(AwsAdapters aws, WorkshopConfig workshop) {
        TaskDefinitionRenderer renderer = new TaskDefinitionRenderer(AwsAdapters.taskDefinitionSchema(), workshop.directory());
        return new DeployAdapters(
                aws.containers(),
                aws.router(),
                aws.pushedImages(),
                aws.identity(),
                () -> infrastructure(new SetupLookup(SetupAdapters.of(aws), new ResourceNames(workshop.name()), aws.region())
                        .find(workshop.services().keySet())),
                renderer::render,
                aws.roles(),
                aws.logGroups());
    }

    private static Infrastructure infrastructure(SetupState setup) {
        return new Infrastructure(setup.region(), setup.clusterName(), setup.vpcId(), setup.subnetIds(),
                setup.tasksSecurityGroupId(), setup.loadBalancerArn(), setup.loadBalancerDnsName(), setup.listenerArn(),
                setup.executionRoleArn(), setup.taskRoleArn());
    }
}
