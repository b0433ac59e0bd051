package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.core.Change;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.rollout.RolloutWatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deploy's plan without its changes: deploy's own steps, each only planned (as --dry-run does), validation
 * included, so its errors are deploy's. Returns what the steps compared, for diff to show.
 */
public final class DeployPreview {
    private final ServiceAdapters adapters;
    private final Ledger ledger;
    private final Events events;
    private final RolloutWatcher rollout;

    /** @param rollout deploy's watcher; a plan never waits, so it is never asked */
    public DeployPreview(ServiceAdapters adapters, Ledger ledger, Events events, RolloutWatcher rollout) {
        this.adapters = adapters;
        this.ledger = ledger;
        this.events = events;
        this.rollout = rollout;
    }

    /** @param request a dry run's request */
    public DeployPlan plan(DeployRequest request) {
        if (!request.dryRun()) {
            throw new IllegalArgumentException("a preview plans a dry run");
        }
        DeployContext ctx = new DeployContext(request);
        List<DeployPlan.PlannedStep> planned = new ArrayList<>();
        for (Step<DeployContext> step : DeployWorkflow.steps(ctx, adapters, ledger, events, rollout)) {
            try {
                planned.add(new DeployPlan.PlannedStep(step.name(), step.plan(ctx)));
            } catch (MysfitsException e) {
                events.failed(step.name());
                throw e;
            }
        }
        Change taskDefinition = change(planned, "task definition");
        String revision = taskDefinition.mutates() ? null : RolloutWatcher.shortRevision(ctx.taskDefinitionArn);
        ContainerService.Service existing = ctx.existingService;
        Integer count = request.count() != null ? request.count() : existing == null ? EnsureServiceStep.DEFAULT_COUNT : null;
        String group = ctx.names.targetGroup(ctx.service.name(), request.launchType());
        // A strategy other than rolling routes through a rule to both groups, whose weights are ECS's to move.
        String route = ctx.strategy.shiftsTraffic()
                ? describe(false, ctx.route.defaultAction() ? EnsureRouteStep.CATCH_ALL : ctx.route.pathPattern(),
                        List.of(group, ctx.names.alternateTargetGroup(ctx.service.name(), request.launchType())))
                : describe(ctx.route.defaultAction(), ctx.route.pathPattern(), List.of(group));
        // A service without a launch type (a capacity provider's) is one deploy leaves as it is: nothing to compare.
        String launchType = existing != null && existing.launchType() == null ? null : request.ecsLaunchType();
        DeployPlan.Settings wanted = new DeployPlan.Settings(launchType, revision, count,
                request.fargate() ? ctx.taskNetwork() : null, EnsureTargetGroupStep.wanted(ctx), route, ctx.strategy,
                ctx.trafficShift());
        DeployPlan.Settings live = new DeployPlan.Settings(
                existing == null ? null : existing.launchType(),
                existing == null || revision == null ? null : RolloutWatcher.shortRevision(existing.taskDefinitionArn()),
                existing == null || count == null ? null : Integer.valueOf(existing.desired()),
                existing == null || !request.fargate() ? null : existing.network(),
                ctx.existingTargetGroup == null ? null : ctx.existingTargetGroup.healthCheck(),
                change(planned, "route").mutates() ? liveRoute(ctx, route) : route,
                existing == null ? null : existing.strategy() == null ? DeploymentStrategy.ROLLING : existing.strategy(),
                existing == null ? null : existing.trafficShift());
        return new DeployPlan(ctx.names.ecsService(ctx.service.name()), EnsureTaskDefinitionStep.sent(ctx), existing, wanted,
                live, List.copyOf(planned));
    }

    private static Change change(List<DeployPlan.PlannedStep> planned, String step) {
        return planned.stream().filter(p -> p.step().equals(step)).map(DeployPlan.PlannedStep::change).findFirst()
                .orElseThrow(() -> new IllegalStateException("deploy has no step '" + step + "'"));
    }

    /**
     * What routes to the service now, as the route step found it not to be: the listener's default action or the rule
     * for the path deploy wants, else another rule to the service's target group; null when nothing routes there.
     */
    private static String liveRoute(DeployContext ctx, String wanted) {
        LoadBalancerRouter.Rule found = null;
        for (LoadBalancerRouter.Rule rule : ctx.rules) {
            boolean wantedPlace = ctx.route.defaultAction() ? rule.isDefault() : !rule.isDefault() && rule.pathPatterns().contains(ctx.route.pathPattern());
            if (wantedPlace) {
                found = rule;
                break;
            }
        }
        if (found == null && ctx.existingTargetGroup != null) {
            found = ctx.rules.stream().filter(r -> r.forwardTargetGroupArns().contains(ctx.existingTargetGroup.arn())).findFirst().orElse(null);
        }
        if (found == null) {
            return null;
        }
        String live = describe(found.isDefault(), found.isDefault() ? null : String.join(", ", found.pathPatterns()),
                found.forwardTargetGroupArns().stream().map(LoadBalancerRouter::targetGroupName).toList());
        if (found.forwardTargetGroupArns().isEmpty()) {
            live = (found.isDefault() ? "default action: " : "path " + String.join(", ", found.pathPatterns()) + ": ") + found.actionType();
        }
        // The route step found it wanting, so it is not the route deploy wants, however it reads.
        return Objects.equals(live, wanted) ? null : live;
    }

    private static String describe(boolean defaultAction, String pathPattern, List<String> targetGroups) {
        return (defaultAction ? "default action" : "path " + pathPattern) + ": forward to " + String.join(", ", targetGroups);
    }
}
