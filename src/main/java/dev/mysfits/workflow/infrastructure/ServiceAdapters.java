package dev.mysfits.workflow.infrastructure;

import dev.mysfits.aws.AwsAdapters;
import dev.mysfits.aws.sts.CallerIdentity;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.aws.ecr.PushedImages;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;
import dev.mysfits.template.TaskDefinitionRenderer;
import dev.mysfits.workflow.infrastructure.SetupAdapters;
import dev.mysfits.workflow.infrastructure.SetupLookup;
import dev.mysfits.workflow.infrastructure.Infrastructure;

/** The adapters deploy, task run, scale and status work through, built on the SDK clients. */
public record ServiceAdapters(ContainerService containers, LoadBalancerRouter router, PushedImages images,
                             CallerIdentity identity, InfrastructureLookup infrastructure,
                             TaskDefinitionTemplates templates, Roles roles, LogGroups logGroups, Network network) {

    /** @param ledger where setup recorded the port of its listener */
    public static ServiceAdapters from(AwsAdapters aws, WorkshopConfig workshop, Ledger ledger) {
        TaskDefinitionRenderer renderer = new TaskDefinitionRenderer(AwsAdapters.taskDefinitionSchema(), workshop.directory());
        return new ServiceAdapters(
                aws.containers(),
                aws.router(),
                aws.pushedImages(),
                aws.identity(),
                () -> new SetupLookup(SetupAdapters.of(aws), new ResourceNames(workshop.name()), aws.region(),
                        ledger.listenerPort(aws.region()).orElse(Infrastructure.LISTENER_PORT),
                        ledger.adopted(ResourceType.LOAD_BALANCER, aws.region()).map(LedgerEntry::id).orElse(null))
                        .find(workshop.services().keySet()),
                renderer::render,
                aws.roles(),
                aws.logGroups(),
                aws.network());
    }

}
