package dev.mysfits.workflow.deploy;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.Optional;

/**
 * Routes the listener to the service's target group: as the default action, or as a path rule at the next free
 * priority. Routes of other services are left alone (validation refused to take one over).
 */
final class EnsureRouteStep implements Step<DeployContext> {
    private final LoadBalancerRouter router;
    private final Ledger ledger;

    EnsureRouteStep(LoadBalancerRouter router, Ledger ledger) {
        this.router = router;
        this.ledger = ledger;
    }


    @Override
    public String name() {
        return "route";
    }

    @Override
    public Change plan(DeployContext ctx) {
        if (ctx.route.defaultAction()) {
            Optional<LoadBalancerRouter.Rule> defaultRule = ctx.rules.stream().filter(LoadBalancerRouter.Rule::isDefault).findFirst();
            if (defaultRule.isPresent() && defaultRule.get().forwardTargetGroupArns().equals(java.util.List.of(ctx.targetGroupArn))) {
                return Change.none("listener default action", "forwards to " + targetGroup(ctx));
            }
            return Change.update("listener default action", "forward to " + targetGroup(ctx)
                    + defaultRule.map(r -> r.forwardTargetGroupArns().isEmpty() ? ", was " + r.actionType() : "").orElse(""));
        }
        if (existingRule(ctx).isPresent()) {
            return Change.none("listener rule " + ctx.route.pathPattern(), "forwards to " + targetGroup(ctx));
        }
        return Change.create("listener rule " + ctx.route.pathPattern(), "priority " + nextPriority(ctx) + ", forward to " + targetGroup(ctx));
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        String listener = ctx.infrastructure.listenerArn();
        if (ctx.route.defaultAction()) {
            router.forwardByDefault(listener, ctx.targetGroupArn);
            return;
        }
        LoadBalancerRouter.Rule rule = router.createPathRule(listener, nextPriority(ctx), ctx.route.pathPattern(),
                ctx.targetGroupArn, ctx.tags());
        ctx.record(ledger, ResourceType.LISTENER_RULE, rule.arn());
    }

    private Optional<LoadBalancerRouter.Rule> existingRule(DeployContext ctx) {
        return ctx.rules.stream()
                .filter(r -> !r.isDefault() && r.pathPatterns().contains(ctx.route.pathPattern())
                        && r.forwardTargetGroupArns().contains(ctx.targetGroupArn))
                .findFirst();
    }

    private int nextPriority(DeployContext ctx) {
        return ctx.rules.stream().map(LoadBalancerRouter.Rule::priority).filter(p -> p != null)
                .mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private String targetGroup(DeployContext ctx) {
        return ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
    }
}
