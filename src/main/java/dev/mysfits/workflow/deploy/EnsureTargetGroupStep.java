package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.LoadBalancerRouter;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.ledger.ResourceType;
import dev.mysfits.workflow.Change;
import dev.mysfits.workflow.Step;

import java.util.Optional;

/** Finds or creates the service's target group: type ip for Fargate (awsvpc), instance for EC2 (bridge). */
final class EnsureTargetGroupStep implements Step<DeployContext> {

    @Override
    public String name() {
        return "target group";
    }

    @Override
    public Change plan(DeployContext ctx) {
        String name = ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
        Optional<LoadBalancerRouter.TargetGroup> found = ctx.router.findTargetGroup(name);
        if (found.isPresent()) {
            if (!found.get().targetType().equals(targetType(ctx))) {
                throw MysfitsException.failed("target group " + name + " has target type " + found.get().targetType()
                        + ", " + ctx.request.launchType() + " needs " + targetType(ctx), "delete it (mysfits cleanup) and deploy again", null);
            }
            ctx.targetGroupArn = found.get().arn();
            return Change.none("target group " + name, found.get().targetType());
        }
        return Change.create("target group " + name, targetType(ctx) + ", health check " + ctx.service.healthPath());
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        String name = ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
        LoadBalancerRouter.TargetGroup created = ctx.router.createTargetGroup(new LoadBalancerRouter.TargetGroupSpec(name,
                ctx.infrastructure.vpcId(), ctx.service.containerPort(), targetType(ctx), ctx.service.healthPath(), ctx.tags()));
        ctx.record(ResourceType.TARGET_GROUP, created.arn());
        ctx.targetGroupArn = created.arn();
    }

    private static String targetType(DeployContext ctx) {
        return ctx.request.fargate() ? "ip" : "instance";
    }
}
