package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.CallerIdentity;
import dev.mysfits.aws.ContainerService;
import dev.mysfits.aws.Ec2Network;
import dev.mysfits.aws.EcrPushedImages;
import dev.mysfits.aws.EcsContainerService;
import dev.mysfits.aws.Elbv2LoadBalancerRouter;
import dev.mysfits.aws.Elbv2LoadBalancers;
import dev.mysfits.aws.IamRoles;
import dev.mysfits.aws.LoadBalancerRouter;
import dev.mysfits.aws.PushedImages;
import dev.mysfits.aws.StsCallerIdentity;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.template.RenderedTaskDefinition;
import dev.mysfits.template.TaskDefinitionRenderer;

/** The adapters deploy, task run, scale and status work through, built on the SDK clients. */
public record DeployAdapters(ContainerService containers, LoadBalancerRouter router, PushedImages images,
                             CallerIdentity identity, InfrastructureLookup infrastructure,
                             TaskDefinitionTemplates templates) {

    public static DeployAdapters from(AwsClients aws, WorkshopConfig workshop) {
        ContainerService containers = new EcsContainerService(aws.ecs());
        TaskDefinitionRenderer renderer = new TaskDefinitionRenderer(workshop.directory());
        return new DeployAdapters(
                containers,
                new Elbv2LoadBalancerRouter(aws.elb()),
                new EcrPushedImages(aws.ecr()),
                new StsCallerIdentity(aws.sts()),
                new SetupInfrastructureLookup(new ResourceNames(workshop.name()), aws.region(),
                        new Elbv2LoadBalancers(aws.elb()), new Ec2Network(aws.ec2()), new IamRoles(aws.iam()), containers),
                (template, launchType, values) -> {
                    RenderedTaskDefinition rendered = renderer.render(template, launchType, values);
                    return new TaskDefinitionTemplates.Rendered(rendered.json(), rendered.request());
                });
    }
}
