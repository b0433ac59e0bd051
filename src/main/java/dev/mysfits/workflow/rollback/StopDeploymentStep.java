package dev.mysfits.workflow.rollback;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.revisions.ServiceHistory;

/** Stops the service deployment in progress with a rollback (StopServiceDeployment, stop type ROLLBACK). */
final class StopDeploymentStep implements Step<RollbackContext> {
    private final ContainerService containers;

    StopDeploymentStep(ContainerService containers) {
        this.containers = containers;
    }

    @Override
    public String name() {
        return "stop deployment";
    }

    @Override
    public Change plan(RollbackContext ctx) {
        ServiceHistory.Entry entry = ctx.toStop;
        return Change.update("service deployment " + entry.id(), entry.deployment().status() + " "
                + ServiceHistory.shortId(entry.taskDefinitionArn()) + ": stop it and roll back"
                + (entry.sources().isEmpty() ? "" : " to " + ServiceHistory.shortId(entry.sources().get(0))));
    }

    @Override
    public void apply(RollbackContext ctx, Change change) {
        containers.stopServiceDeployment(ctx.toStop.deployment().arn(), true);
    }
}
