package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.ecr.PushedImages;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.template.TaskDefinitionDocument;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.RoutePlan;

import java.util.List;
import java.util.Map;

/**
 * One deploy's request and what its steps found or made, in the order they run. The adapters are not here: each
 * step takes the ones it uses in its constructor. Each field below says which step writes it; later steps only read.
 */
final class DeployContext {
    final DeployRequest request;
    final WorkshopConfig workshop;
    final ServiceConfig service;
    final ResourceNames names;
    /** Fargate tasks in the private subnets without a public IP: --private/--public, else the service's "private". */
    final boolean privateTasks;
    /** How the service rolls out: --strategy, else its "deployment" in mysfits.json, else rolling. */
    final DeploymentStrategy strategy;

    // Written by ValidateDeployStep, before anything changes
    Infrastructure infrastructure;
    PushedImages.PushedImage image;
    TaskDefinitionDocument rendered;
    String containerName;
    RoutePlan route;
    List<LoadBalancerRouter.Rule> rules;
    ContainerService.Service existingService;
    LoadBalancerRouter.TargetGroup existingTargetGroup;
    /** The second target group of a strategy other than rolling, when it exists already. */
    LoadBalancerRouter.TargetGroup existingAlternateTargetGroup;

    // Written by EnsureInfrastructureRoleStep, for a strategy other than rolling
    String infrastructureRoleArn = Change.NOT_YET_CREATED;

    // Written by EnsureTaskDefinitionStep
    String taskDefinitionArn = Change.NOT_YET_CREATED;
    int revision;
    // Written by EnsureTargetGroupStep
    String targetGroupArn = Change.NOT_YET_CREATED;
    String alternateTargetGroupArn = Change.NOT_YET_CREATED;
    // Written by EnsureRouteStep, for a strategy other than rolling: the rule whose weights ECS shifts
    String productionRuleArn = Change.NOT_YET_CREATED;
    /** The test listener rule, when the service's deployment names a test header; else null. */
    String testRuleArn;
    // Written by EnsureServiceStep: the service, and the deployment it started or found PRIMARY, which
    // WaitForStableStep's rollout watcher follows by id
    ContainerService.Service deployedService;
    String deploymentId;

    DeployContext(DeployRequest request) {
        this.request = request;
        this.workshop = request.workshop();
        this.service = workshop.service(request.service());
        this.names = new ResourceNames(workshop.name());
        this.privateTasks = request.privateTasks() != null ? request.privateTasks() : service.privateTasks();
        this.strategy = service.deployment().resolve(request.strategy());
    }

    /** Where the service's Fargate tasks run: the public subnets with a public IP, or the private ones without. */
    ContainerService.TaskNetwork taskNetwork() {
        return privateTasks
                ? new ContainerService.TaskNetwork(infrastructure.privateSubnetIds(), List.of(infrastructure.tasksSecurityGroupId()), false)
                : new ContainerService.TaskNetwork(infrastructure.subnetIds(), List.of(infrastructure.tasksSecurityGroupId()), true);
    }

    /** The pieces ECS shifts traffic with, or null for a rolling update. */
    ContainerService.TrafficShift trafficShift() {
        return strategy.shiftsTraffic() ? new ContainerService.TrafficShift(alternateTargetGroupArn, productionRuleArn, testRuleArn,
                infrastructureRoleArn) : null;
    }

    Map<String, String> tags() {
        return Map.of(ResourceNames.TAG_WORKSHOP, names.workshop(), ResourceNames.TAG_SERVICE, service.name());
    }

    void record(Ledger ledger, ResourceType type, String id) {
        ledger.record(type, id, service.name(), infrastructure.region());
    }
}
