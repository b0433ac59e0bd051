package dev.mysfits.workflow.rollback;

import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.rollout.RolloutWatcher;

import java.time.Clock;
import java.time.Duration;

/**
 * Watches the rollout as deploy does, with the same watcher, until the revision gone back to alone serves behind
 * healthy targets; its rollback by the circuit breaker, tasks that keep stopping or unhealthy targets fail it.
 * Read-only, so it lives in plan; skipped by --no-wait.
 */
final class WaitForStableStep implements Step<RollbackContext> {
    private final RolloutWatcher rollout;
    private final Clock clock;

    WaitForStableStep(RolloutWatcher rollout, Clock clock) {
        this.rollout = rollout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public Change plan(RollbackContext ctx) {
        String resource = "rollout of " + ctx.service;
        if (ctx.request.dryRun()) {
            return Change.checked(resource, "not watched in a dry run");
        }
        if (!ctx.request.waitForStable()) {
            return Change.checked(resource, "not waited for (--no-wait); watch it with: mysfits status " + ctx.service);
        }
        // What is left of --timeout after a stopped deployment's rollback, in whole seconds as the user gave it.
        long millis = Math.max(0, Duration.between(clock.instant(), ctx.deadline).toMillis());
        var stable = rollout.awaitStable(ctx.cluster(), ctx.ecsService, ctx.deploymentId, ctx.expectedTaskDefinitionArn,
                ctx.targetGroupArn(), ctx.traffic(), Duration.ofSeconds((millis + 999) / 1000), ctx.request.pollInterval());
        ctx.after = stable;
        return Change.checked(resource, "stable, " + stable.running() + "/" + stable.desired() + " running");
    }

    @Override
    public void apply(RollbackContext ctx, Change change) {
        // Waiting only looks.
    }
}
