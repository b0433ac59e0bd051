package dev.mysfits.workflow.deploy;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.config.HealthCheckConfig;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;


/** Finds or creates the service's target group: type ip for Fargate (awsvpc), instance for EC2 (bridge). */
final class EnsureTargetGroupStep implements Step<DeployContext> {
    private final LoadBalancerRouter router;
    private final Ledger ledger;

    EnsureTargetGroupStep(LoadBalancerRouter router, Ledger ledger) {
        this.router = router;
        this.ledger = ledger;
    }


    @Override
    public String name() {
        return "target group";
    }

    @Override
    public Change plan(DeployContext ctx) {
        String name = ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
        LoadBalancerRouter.TargetGroup found = ctx.existingTargetGroup;  // validation checked its type and port
        if (found != null) {
            ctx.targetGroupArn = found.arn();
            if (!found.healthCheck().equals(wanted(ctx))) {
                return Change.update("target group " + name, "health check " + describe(wanted(ctx)));
            }
            return Change.none("target group " + name, found.targetType());
        }
        return Change.create("target group " + name, targetType(ctx) + ", health check " + describe(wanted(ctx)));
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        if (ctx.existingTargetGroup != null) {
            router.updateHealthCheck(ctx.existingTargetGroup.arn(), wanted(ctx));
            return;
        }
        String name = ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
        LoadBalancerRouter.TargetGroup created = router.createTargetGroup(new LoadBalancerRouter.TargetGroupSpec(name,
                ctx.infrastructure.vpcId(), ctx.service.containerPort(), targetType(ctx), wanted(ctx), ctx.tags()));
        ctx.record(ledger, ResourceType.TARGET_GROUP, created.arn());
        ctx.targetGroupArn = created.arn();
    }

    /** The health check mysfits.json asks for (healthPath and healthCheck). */
    static LoadBalancerRouter.HealthCheck wanted(DeployContext ctx) {
        HealthCheckConfig c = ctx.service.healthCheck();
        return new LoadBalancerRouter.HealthCheck(ctx.service.healthPath(), c.intervalSeconds(), c.timeoutSeconds(),
                c.healthyThreshold(), c.unhealthyThreshold(), c.matcher(), c.deregistrationDelaySeconds());
    }

    private static String describe(LoadBalancerRouter.HealthCheck h) {
        return h.path() + " every " + h.intervalSeconds() + "s, healthy after " + h.healthyThreshold() + ", drain "
                + h.deregistrationDelaySeconds() + "s";
    }

    private String targetType(DeployContext ctx) {
        return ctx.request.fargate() ? "ip" : "instance";
    }
}
