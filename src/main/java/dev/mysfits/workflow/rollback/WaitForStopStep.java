package dev.mysfits.workflow.rollback;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.core.Change;
import dev.mysfits.core.Interrupted;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.revisions.ServiceHistory;

import java.time.Clock;
import java.time.Duration;

/**
 * Watches the stopped service deployment until ECS says how its rollback ended: ROLLBACK_SUCCESSFUL goes on (to
 * healthy targets), ROLLBACK_FAILED or any other end is a failure. Read-only, so it lives in plan.
 */
final class WaitForStopStep implements Step<RollbackContext> {
    private final ContainerService containers;
    private final Events events;
    private final Clock clock;
    private final Sleeper sleeper;

    WaitForStopStep(ContainerService containers, Events events, Clock clock, Sleeper sleeper) {
        this.containers = containers;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "rollback of the stopped deployment";
    }

    @Override
    public Change plan(RollbackContext ctx) {
        String id = ctx.toStop.id();
        String resource = "rollback of service deployment " + id;
        if (ctx.request.dryRun()) {
            return Change.checked(resource, "not watched in a dry run");
        }
        if (!ctx.request.waitForStable()) {
            return Change.checked(resource, "not waited for (--no-wait); watch it with: mysfits revisions " + ctx.service);
        }
        String key = "stop " + id;
        while (true) {
            ContainerService.ServiceDeployment d = containers.serviceDeployment(ctx.toStop.deployment().arn())
                    .orElseThrow(() -> MysfitsException.failed("service deployment " + id + " of service " + ctx.service
                            + " is no longer in ECS's deployment history", "see what serves: mysfits status " + ctx.service, null));
            if ("ROLLBACK_SUCCESSFUL".equals(d.status())) {
                events.ready(key, id + ": ROLLBACK_SUCCESSFUL");
                ContainerService.Service now = containers.describeService(ctx.cluster(), ctx.ecsService).orElseThrow(() ->
                        MysfitsException.failed("service " + ctx.service + " disappeared from cluster " + ctx.cluster()
                                + " during the rollback", "see what is left: mysfits status", null));
                ctx.after = now;
                ctx.deploymentId = RollbackContext.primaryDeploymentId(now);
                ctx.expectedTaskDefinitionArn = now.taskDefinitionArn();
                return Change.checked(resource, "ROLLBACK_SUCCESSFUL, back on " + ServiceHistory.shortId(now.taskDefinitionArn()));
            }
            if (!d.inProgress()) {
                String why = d.rollbackReason() != null ? d.rollbackReason() : d.statusReason();
                throw MysfitsException.failed("service deployment " + id + " of service " + ctx.service + " ended "
                        + d.status() + ", not rolled back" + (why == null ? "" : ": " + why),
                        "see what serves now: mysfits revisions " + ctx.service + "; roll back to a revision that works "
                                + "with: mysfits rollback " + ctx.service + " --to REVISION", null);
            }
            events.waiting(key, id + ": " + d.status() + (d.lifecycleStage() == null ? "" : ", " + d.lifecycleStage()));
            Duration left = Duration.between(clock.instant(), ctx.deadline);
            if (left.isNegative() || left.isZero()) {
                throw MysfitsException.timeout("service deployment " + id + " of service " + ctx.service
                                + " did not finish rolling back within " + ctx.request.timeout().toSeconds() + "s: " + d.status(),
                        "ECS goes on with it; watch it with 'mysfits revisions " + ctx.service + "', or wait longer with --timeout");
            }
            try {
                sleeper.sleep(left.compareTo(ctx.request.pollInterval()) < 0 ? left : ctx.request.pollInterval());
            } catch (InterruptedException e) {
                throw new Interrupted(e);
            }
        }
    }

    @Override
    public void apply(RollbackContext ctx, Change change) {
        // Waiting only looks.
    }
}
