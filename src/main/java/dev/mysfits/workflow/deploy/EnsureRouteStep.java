package dev.mysfits.workflow.deploy;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * A service on the listener's default route gets a catch-all rule for ECS to shift: the lowest precedence there
     * is, so every path rule still wins over it.
     */
    static final int CATCH_ALL_PRIORITY = 50000;
    static final String CATCH_ALL = "/*";

    @Override
    public Change plan(DeployContext ctx) {
        if (ctx.strategy.shiftsTraffic()) {
            return planProductionRule(ctx);
        }
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
        if (ctx.strategy.shiftsTraffic()) {
            applyProductionRule(ctx, listener);
            return;
        }
        if (ctx.route.defaultAction()) {
            router.forwardByDefault(listener, ctx.targetGroupArn);
            return;
        }
        LoadBalancerRouter.Rule rule = router.createPathRule(listener, nextPriority(ctx), ctx.route.pathPattern(),
                ctx.targetGroupArn, ctx.tags());
        ctx.record(ledger, ResourceType.LISTENER_RULE, rule.arn());
    }

    /**
     * The production rule of a strategy other than rolling: it forwards to both target groups by weight, and ECS
     * moves the weights. A rule of the service's that forwards to one group gains the other at weight 0; weights
     * already there are ECS's and stay as they are.
     */
    private Change planProductionRule(DeployContext ctx) {
        String pattern = productionPattern(ctx);
        String resource = "listener rule " + pattern;
        Optional<LoadBalancerRouter.Rule> rule = productionRule(ctx);
        if (rule.isEmpty()) {
            return Change.create(resource, "priority " + productionPriority(ctx) + ", forward to " + targetGroup(ctx)
                    + " (100) and " + alternateGroup(ctx) + " (0), shifted by ECS");
        }
        ctx.productionRuleArn = rule.get().arn();
        if (rule.get().weights().keySet().containsAll(List.of(ctx.targetGroupArn, ctx.alternateTargetGroupArn))) {
            return Change.none(resource, "forwards to " + targetGroup(ctx) + " (" + rule.get().percentOf(ctx.targetGroupArn)
                    + "%) and " + alternateGroup(ctx) + " (" + rule.get().percentOf(ctx.alternateTargetGroupArn) + "%)");
        }
        return Change.update(resource, "also forward to " + alternateGroup(ctx) + " at weight 0, for ECS to shift");
    }

    private void applyProductionRule(DeployContext ctx, String listener) {
        Optional<LoadBalancerRouter.Rule> rule = productionRule(ctx);
        if (rule.isPresent()) {
            Map<String, Integer> weights = new LinkedHashMap<>(rule.get().weights());
            if (!weights.containsKey(ctx.targetGroupArn)) {
                weights.put(ctx.targetGroupArn, 0);
            }
            weights.put(ctx.alternateTargetGroupArn, weights.getOrDefault(ctx.alternateTargetGroupArn, 0));
            if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                weights.put(ctx.targetGroupArn, 100);
            }
            router.forwardWeighted(rule.get().arn(), weights);
            ctx.productionRuleArn = rule.get().arn();
            return;
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(ctx.targetGroupArn, 100);
        weights.put(ctx.alternateTargetGroupArn, 0);
        LoadBalancerRouter.Rule created = router.createWeightedRule(listener, productionPriority(ctx), productionPattern(ctx),
                weights, ctx.tags());
        ctx.record(ledger, ResourceType.LISTENER_RULE, created.arn());
        ctx.productionRuleArn = created.arn();
    }

    /** The service's rule on its path (the catch-all for the default route) that forwards to one of its groups. */
    private Optional<LoadBalancerRouter.Rule> productionRule(DeployContext ctx) {
        String pattern = productionPattern(ctx);
        return ctx.rules.stream()
                .filter(r -> !r.isDefault() && r.pathPatterns().contains(pattern)
                        && (!ctx.route.defaultAction() || Integer.valueOf(CATCH_ALL_PRIORITY).equals(r.priority()))
                        && (r.forwardTargetGroupArns().contains(ctx.targetGroupArn)
                        || r.forwardTargetGroupArns().contains(ctx.alternateTargetGroupArn)))
                .findFirst();
    }

    private static String productionPattern(DeployContext ctx) {
        return ctx.route.defaultAction() ? CATCH_ALL : ctx.route.pathPattern();
    }

    private int productionPriority(DeployContext ctx) {
        return ctx.route.defaultAction() ? CATCH_ALL_PRIORITY : nextPriority(ctx);
    }

    private String alternateGroup(DeployContext ctx) {
        return ctx.names.alternateTargetGroup(ctx.service.name(), ctx.request.launchType());
    }

    private Optional<LoadBalancerRouter.Rule> existingRule(DeployContext ctx) {
        return ctx.rules.stream()
                .filter(r -> !r.isDefault() && r.pathPatterns().contains(ctx.route.pathPattern())
                        && r.forwardTargetGroupArns().contains(ctx.targetGroupArn))
                .findFirst();
    }

    private int nextPriority(DeployContext ctx) {
        return ctx.rules.stream().map(LoadBalancerRouter.Rule::priority)
                .filter(p -> p != null && p != CATCH_ALL_PRIORITY)
                .mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private String targetGroup(DeployContext ctx) {
        return ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
    }
}
