package dev.mysfits.workflow.deploy;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.rollout.RolloutWatcher;
import dev.mysfits.workflow.infrastructure.Infrastructure;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.core.Change;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.workflow.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the ECS service, or points it at the new revision. Looks first: CreateService on the name of a service
 * that exists answers "Creation of service was not idempotent."
 */
final class EnsureServiceStep implements Step<DeployContext> {
    private final ContainerService containers;
    private final Ledger ledger;

    EnsureServiceStep(ContainerService containers, Ledger ledger) {
        this.containers = containers;
        this.ledger = ledger;
    }

    static final int DEFAULT_COUNT = 1;

    @Override
    public String name() {
        return "service";
    }

    @Override
    public Change plan(DeployContext ctx) {
        String resource = "service " + ctx.service.name();
        ContainerService.Service existing = ctx.existingService;
        if (existing == null) {
            return Change.create(resource, ctx.request.ecsLaunchType() + ", " + count(ctx) + " task(s), "
                    + (ctx.strategy.shiftsTraffic() ? describe(ctx.strategy) + ", " : "") + "revision "
                    + (ctx.revision == 0 ? "new" : String.valueOf(ctx.revision))
                    + (ctx.request.fargate() ? ", " + describe(ctx.taskNetwork()) : ""));
        }
        ctx.deployedService = existing;
        ctx.deploymentId = primaryDeploymentId(existing);
        List<String> changes = new ArrayList<>();
        if (!ctx.taskDefinitionArn.equals(existing.taskDefinitionArn())) {
            changes.add("task definition " + RolloutWatcher.shortRevision(existing.taskDefinitionArn()) + " -> "
                    + (ctx.revision == 0 ? "new revision" : RolloutWatcher.shortRevision(ctx.taskDefinitionArn)));
        }
        if (networkChange(ctx) != null) {
            changes.add("network " + (existing.network() == null ? "?" : describe(existing.network())) + " -> "
                    + describe(ctx.taskNetwork()));
        }
        if (ctx.request.count() != null && ctx.request.count() != existing.desired()) {
            changes.add("desired count " + existing.desired() + " -> " + ctx.request.count());
        }
        if (rolloutChange(ctx) != null) {
            changes.add("strategy " + describe(existing.strategy()) + " -> " + describe(ctx.strategy));
        }
        return changes.isEmpty() ? Change.none(resource, "revision " + RolloutWatcher.shortRevision(existing.taskDefinitionArn()) + ", "
                + existing.desired() + " task(s)") : Change.update(resource, String.join(", ", changes));
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        Infrastructure infra = ctx.infrastructure;
        if (ctx.existingService == null) {
            ctx.deployedService = containers.createService(new ContainerService.ServiceSpec(infra.clusterName(),
                    ctx.names.ecsService(ctx.service.name()), ctx.taskDefinitionArn, ctx.request.ecsLaunchType(), count(ctx),
                    ctx.targetGroupArn, ctx.containerName, ctx.service.containerPort(),
                    ctx.request.fargate() ? ctx.taskNetwork().subnets() : infra.subnetIds(),
                    List.of(infra.tasksSecurityGroupId()), ctx.service.healthCheck().gracePeriodSeconds(), ctx.tags(),
                    !ctx.request.fargate() || ctx.taskNetwork().publicIp(), ctx.strategy, ctx.trafficShift()));
            ctx.record(ledger, ResourceType.SERVICE, ctx.deployedService.arn());
            ctx.deploymentId = primaryDeploymentId(ctx.deployedService);
            return;
        }
        ctx.deployedService = containers.updateService(infra.clusterName(), ctx.existingService.name(),
                ctx.taskDefinitionArn.equals(ctx.existingService.taskDefinitionArn()) ? null : ctx.taskDefinitionArn,
                ctx.request.count(), networkChange(ctx), rolloutChange(ctx));
        ctx.deploymentId = primaryDeploymentId(ctx.deployedService);
    }

    /** The Fargate network the existing service should move to (--private, --public), or null when it is already there. */
    private static ContainerService.TaskNetwork networkChange(DeployContext ctx) {
        if (!ctx.request.fargate() || ctx.existingService == null) {
            return null;
        }
        ContainerService.TaskNetwork wanted = ctx.taskNetwork();
        ContainerService.TaskNetwork have = ctx.existingService.network();
        boolean same = have != null && have.publicIp() == wanted.publicIp()
                && new java.util.HashSet<>(have.subnets()).equals(new java.util.HashSet<>(wanted.subnets()));
        return same ? null : wanted;
    }

    /**
     * The strategy and load balancer pieces the existing service should change to, or null when it has them. ECS
     * takes them in the same UpdateService as the new revision, so the revision rolls out the new way.
     */
    private static ContainerService.Rollout rolloutChange(DeployContext ctx) {
        ContainerService.Service existing = ctx.existingService;
        if (existing == null) {
            return null;
        }
        DeploymentStrategy live = existing.strategy() == null ? DeploymentStrategy.ROLLING : existing.strategy();
        boolean same = live.equals(ctx.strategy) && java.util.Objects.equals(existing.trafficShift(), ctx.trafficShift());
        return same ? null : new ContainerService.Rollout(ctx.strategy, ctx.trafficShift(), ctx.targetGroupArn,
                ctx.containerName, ctx.service.containerPort());
    }

    /** "canary 10% for 1m, bake 0m"; a service ECS describes without a strategy rolls. */
    static String describe(DeploymentStrategy strategy) {
        return strategy == null ? "rolling" : strategy.describe();
    }

    private static String describe(ContainerService.TaskNetwork network) {
        return (network.publicIp() ? "public subnets " : "private subnets ") + String.join(", ", network.subnets())
                + (network.publicIp() ? " with a public IP" : ", no public IP");
    }

    /** UpdateService answers with the deployment it started as PRIMARY. */
    static String primaryDeploymentId(ContainerService.Service service) {
        return service.deployments().stream().filter(d -> "PRIMARY".equals(d.status()))
                .map(ContainerService.Deployment::id).findFirst().orElse(null);
    }

    private int count(DeployContext ctx) {
        return ctx.request.count() == null ? DEFAULT_COUNT : ctx.request.count();
    }

    /** "family:3" from a task definition ARN. */}
