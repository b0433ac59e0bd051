package dev.mysfits.workflow.deploy;

import dev.mysfits.workflow.rollout.RolloutWatcher;

import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/** Watches the rollout until the service is stable (read-only, so it lives in plan); skipped by --no-wait. */
final class WaitForStableStep implements Step<DeployContext> {
    private final RolloutWatcher rollout;

    WaitForStableStep(RolloutWatcher rollout) {
        this.rollout = rollout;
    }


    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public Change plan(DeployContext ctx) {
        String resource = "rollout of " + ctx.service.name();
        if (ctx.request.dryRun()) {
            return Change.checked(resource, "not watched in a dry run");
        }
        if (!ctx.request.waitForStable()) {
            return Change.checked(resource, "not waited for (--no-wait); watch it with: mysfits status " + ctx.service.name());
        }
        RolloutWatcher.Traffic traffic = ctx.strategy.shiftsTraffic() ? new RolloutWatcher.Traffic(ctx.productionRuleArn,
                java.util.List.of(ctx.targetGroupArn, ctx.alternateTargetGroupArn), ctx.strategy) : null;
        var stable = rollout.awaitStable(ctx.infrastructure.clusterName(), ctx.names.ecsService(ctx.service.name()), ctx.deploymentId, ctx.taskDefinitionArn,
                        ctx.targetGroupArn, traffic, ctx.request.timeout(), ctx.request.pollInterval());
        ctx.deployedService = stable;
        return Change.checked(resource, "stable, " + stable.running() + "/" + stable.desired() + " running");
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        // Waiting only looks.
    }
}
