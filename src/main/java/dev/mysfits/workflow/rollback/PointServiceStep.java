package dev.mysfits.workflow.rollback;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.core.Change;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.revisions.ServiceHistory;

/**
 * Points the service at the revision to go back to (UpdateService with that task definition; its desired count stays).
 * Looks first: after a stopped deployment's rollback the service may run it already.
 */
final class PointServiceStep implements Step<RollbackContext> {
    private final ContainerService containers;

    PointServiceStep(ContainerService containers) {
        this.containers = containers;
    }

    @Override
    public String name() {
        return "service";
    }

    @Override
    public Change plan(RollbackContext ctx) {
        String resource = "service " + ctx.service;
        ContainerService.Service current = ctx.toStop == null || ctx.request.dryRun() ? ctx.before
                : containers.describeService(ctx.cluster(), ctx.ecsService).orElseThrow(() -> MysfitsException.failed(
                "service " + ctx.service + " disappeared from cluster " + ctx.cluster() + " during the rollback",
                "see what is left: mysfits status", null));
        ctx.expectedTaskDefinitionArn = ctx.target;
        if (ctx.target.equals(current.taskDefinitionArn())) {
            ctx.deploymentId = RollbackContext.primaryDeploymentId(current);
            return Change.none(resource, "runs " + ServiceHistory.shortId(ctx.target) + " already");
        }
        return Change.update(resource, "task definition " + ServiceHistory.shortId(current.taskDefinitionArn()) + " -> "
                + ServiceHistory.shortId(ctx.target) + ", " + current.desired() + " task(s)");
    }

    @Override
    public void apply(RollbackContext ctx, Change change) {
        ContainerService.Service updated = containers.updateService(ctx.cluster(), ctx.ecsService, ctx.target, null);
        ctx.deploymentId = RollbackContext.primaryDeploymentId(updated);
        ctx.after = updated;
    }
}
