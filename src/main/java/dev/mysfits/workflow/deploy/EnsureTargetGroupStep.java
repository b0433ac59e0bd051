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

    /** True for the second target group a strategy other than rolling shifts traffic to. */
    private final boolean alternate;

    EnsureTargetGroupStep(LoadBalancerRouter router, Ledger ledger) {
        this(router, ledger, false);
    }

    EnsureTargetGroupStep(LoadBalancerRouter router, Ledger ledger, boolean alternate) {
        this.router = router;
        this.ledger = ledger;
        this.alternate = alternate;
    }

    @Override
    public String name() {
        return alternate ? "alternate target group" : "target group";
    }

    private String groupName(DeployContext ctx) {
        return alternate ? ctx.names.alternateTargetGroup(ctx.service.name(), ctx.request.launchType())
                : ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
    }

    @Override
    public Change plan(DeployContext ctx) {
        String name = groupName(ctx);
        // validation checked its type and port
        LoadBalancerRouter.TargetGroup found = alternate ? ctx.existingAlternateTargetGroup : ctx.existingTargetGroup;
        if (found != null) {
            found(ctx, found.arn());
            if (!found.healthCheck().equals(wanted(ctx))) {
                return Change.update("target group " + name, "health check " + describe(wanted(ctx)));
            }
            return Change.none("target group " + name, found.targetType());
        }
        return Change.create("target group " + name, targetType(ctx) + ", health check " + describe(wanted(ctx)));
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        LoadBalancerRouter.TargetGroup existing = alternate ? ctx.existingAlternateTargetGroup : ctx.existingTargetGroup;
        if (existing != null) {
            router.updateHealthCheck(existing.arn(), wanted(ctx));
            return;
        }
        LoadBalancerRouter.TargetGroup created = router.createTargetGroup(new LoadBalancerRouter.TargetGroupSpec(groupName(ctx),
                ctx.infrastructure.vpcId(), ctx.service.containerPort(), targetType(ctx), wanted(ctx), ctx.tags()));
        ctx.record(ledger, ResourceType.TARGET_GROUP, created.arn());
        found(ctx, created.arn());
    }

    private void found(DeployContext ctx, String arn) {
        if (alternate) {
            ctx.alternateTargetGroupArn = arn;
        } else {
            ctx.targetGroupArn = arn;
        }
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
