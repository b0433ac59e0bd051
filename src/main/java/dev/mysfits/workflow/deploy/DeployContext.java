package dev.mysfits.workflow.deploy;

import dev.mysfits.template.TaskDefinitionDocument;
import dev.mysfits.core.Sleeper;
import dev.mysfits.aws.sts.CallerIdentity;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.aws.ecr.PushedImages;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.Console;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.ResourceType;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The inputs and collaborators of a deploy, and what its steps found or made, in the order they run. */
public final class DeployContext {
    /** Stands in for ARNs a dry run would create. */
    public static final String NOT_YET_CREATED = "(not yet created)";

    final DeployRequest request;
    final WorkshopConfig workshop;
    final ServiceConfig service;
    final ResourceNames names;
    final ContainerService containers;
    final LoadBalancerRouter router;
    final PushedImages images;
    final CallerIdentity identity;
    final InfrastructureLookup infrastructureLookup;
    final TaskDefinitionTemplates templates;
    final Roles roles;
    final LogGroups logGroups;
    final Ledger ledger;
    final Console console;
    final Clock clock;
    final Sleeper sleeper;

    // Found by validation
    Infrastructure infrastructure;
    PushedImages.PushedImage image;
    TaskDefinitionDocument rendered;
    String containerName;
    RoutePlan route;
    List<LoadBalancerRouter.Rule> rules;
    ContainerService.Service existingService;
    LoadBalancerRouter.TargetGroup existingTargetGroup;

    // Found or made by the steps
    String taskDefinitionArn = NOT_YET_CREATED;
    int revision;
    String targetGroupArn = NOT_YET_CREATED;
    ContainerService.Service deployedService;
    /** The deployment this deploy started or found PRIMARY; the rollout watcher follows it by id. */
    String deploymentId;

    public DeployContext(DeployRequest request, WorkshopConfig workshop, ContainerService containers,
                         LoadBalancerRouter router, PushedImages images, CallerIdentity identity,
                         InfrastructureLookup infrastructureLookup, TaskDefinitionTemplates templates, Roles roles,
                         LogGroups logGroups, Ledger ledger,
                         Console console, Clock clock, Sleeper sleeper) {
        this.request = request;
        this.workshop = workshop;
        this.service = workshop.service(request.service());
        this.names = new ResourceNames(workshop.name());
        this.containers = containers;
        this.router = router;
        this.images = images;
        this.identity = identity;
        this.infrastructureLookup = infrastructureLookup;
        this.templates = templates;
        this.roles = roles;
        this.logGroups = logGroups;
        this.ledger = ledger;
        this.console = console;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    Map<String, String> tags() {
        return Map.of(ResourceNames.TAG_WORKSHOP, names.workshop(), ResourceNames.TAG_SERVICE, service.name());
    }

    void record(ResourceType type, String id) {
        ledger.record(type, id, service.name(), infrastructure.region());
    }
}
