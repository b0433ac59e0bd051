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
        String header = ctx.service.deployment().testHeader();
        Optional<LoadBalancerRouter.Rule> test = header == null ? Optional.empty() : testRule(ctx, header);
        test.ifPresent(t -> ctx.testRuleArn = t.arn());
        String testPart = header == null || test.isPresent() ? "" : "; test rule " + pattern + " with header " + header
                + " at priority " + testPriority(ctx, rule) + ", for ECS's test traffic";
        if (rule.isEmpty()) {
            return Change.create(resource, "priority " + productionPriority(ctx) + ", forward to " + targetGroup(ctx)
                    + " (100) and " + alternateGroup(ctx) + " (0), shifted by ECS" + testPart);
        }
        ctx.productionRuleArn = rule.get().arn();
        if (rule.get().weights().keySet().containsAll(List.of(ctx.targetGroupArn, ctx.alternateTargetGroupArn))) {
            String now = "forwards to " + targetGroup(ctx) + " (" + rule.get().percentOf(ctx.targetGroupArn)
                    + "%) and " + alternateGroup(ctx) + " (" + rule.get().percentOf(ctx.alternateTargetGroupArn) + "%)";
            return testPart.isEmpty() ? Change.none(resource, now) : Change.update(resource, now + testPart);
        }
        return Change.update(resource, "also forward to " + alternateGroup(ctx) + " at weight 0, for ECS to shift" + testPart);
    }

    private void applyProductionRule(DeployContext ctx, String listener) {
        Optional<LoadBalancerRouter.Rule> rule = productionRule(ctx);
        String header = ctx.service.deployment().testHeader();
        Map<String, Integer> fresh = new LinkedHashMap<>();
        fresh.put(ctx.targetGroupArn, 100);
        fresh.put(ctx.alternateTargetGroupArn, 0);
        if (header != null && testRule(ctx, header).isEmpty()) {
            // Before the production rule: a request with the header must meet the test rule first.
            LoadBalancerRouter.Rule test = router.createHeaderRule(listener, testPriority(ctx, rule), productionPattern(ctx),
                    header, rule.map(r -> weightsWithAlternate(ctx, r)).orElse(fresh), ctx.tags());
            ctx.record(ledger, ResourceType.LISTENER_RULE, test.arn());
            ctx.testRuleArn = test.arn();
        }
        if (rule.isPresent()) {
            ctx.productionRuleArn = rule.get().arn();
            if (!rule.get().weights().keySet().containsAll(List.of(ctx.targetGroupArn, ctx.alternateTargetGroupArn))) {
                router.forwardWeighted(rule.get().arn(), weightsWithAlternate(ctx, rule.get()));
            }
            return;
        }
        LoadBalancerRouter.Rule created = router.createWeightedRule(listener, productionPriority(ctx), productionPattern(ctx),
                fresh, ctx.tags());
        ctx.record(ledger, ResourceType.LISTENER_RULE, created.arn());
        ctx.productionRuleArn = created.arn();
    }

    /** The rule's weights with both groups in them; the one it did not forward to at 0. */
    private static Map<String, Integer> weightsWithAlternate(DeployContext ctx, LoadBalancerRouter.Rule rule) {
        Map<String, Integer> weights = new LinkedHashMap<>(rule.weights());
        weights.putIfAbsent(ctx.targetGroupArn, 0);
        weights.putIfAbsent(ctx.alternateTargetGroupArn, 0);
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            weights.put(ctx.targetGroupArn, 100);
        }
        return weights;
    }

    /** The service's test rule: its path and the header, forwarding to one of its groups. */
    private Optional<LoadBalancerRouter.Rule> testRule(DeployContext ctx, String header) {
        String pattern = productionPattern(ctx);
        return ctx.rules.stream()
                .filter(r -> !r.isDefault() && r.pathPatterns().contains(pattern)
                        && r.headerNames().stream().anyMatch(h -> h.equalsIgnoreCase(header))
                        && (r.forwardTargetGroupArns().contains(ctx.targetGroupArn)
                        || r.forwardTargetGroupArns().contains(ctx.alternateTargetGroupArn)))
                .findFirst();
    }

    /**
     * Just before the production rule: below the catch-all, the free priority next under the service's rule, or, for
     * a path rule still to be made, the next free one (the production rule then takes the one after).
     */
    private int testPriority(DeployContext ctx, Optional<LoadBalancerRouter.Rule> production) {
        if (ctx.route.defaultAction()) {
            return CATCH_ALL_PRIORITY - 1;
        }
        if (production.isEmpty()) {
            return nextPriority(ctx);
        }
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        ctx.rules.forEach(r -> taken.add(r.priority()));
        for (int p = production.get().priority() - 1; p >= 1; p--) {
            if (!taken.contains(p)) {
                return p;
            }
        }
        throw dev.mysfits.core.MysfitsException.precondition("no listener rule priority is free before "
                        + production.get().priority() + " (the rule of " + production.get().pathPatterns() + ") for the test rule",
                "remove the service's test header from " + ctx.workshop.file().getFileName()
                        + ", or remove the service (mysfits cleanup " + ctx.service.name() + ") and deploy again");
    }

    /** The service's rule on its path (the catch-all for the default route) that forwards to one of its groups. */
    private Optional<LoadBalancerRouter.Rule> productionRule(DeployContext ctx) {
        String pattern = productionPattern(ctx);
        return ctx.rules.stream()
                .filter(r -> !r.isDefault() && r.pathPatterns().contains(pattern) && r.headerNames().isEmpty()
                        && (!ctx.route.defaultAction() || Integer.valueOf(CATCH_ALL_PRIORITY).equals(r.priority()))
                        && (r.forwardTargetGroupArns().contains(ctx.targetGroupArn)
                        || r.forwardTargetGroupArns().contains(ctx.alternateTargetGroupArn)))
                .findFirst();
    }

    private static String productionPattern(DeployContext ctx) {
        return ctx.route.defaultAction() ? CATCH_ALL : ctx.route.pathPattern();
    }

    private int productionPriority(DeployContext ctx) {
        boolean testFirst = ctx.service.deployment().testHeader() != null;
        return ctx.route.defaultAction() ? CATCH_ALL_PRIORITY : nextPriority(ctx) + (testFirst ? 1 : 0);
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
                .filter(p -> p != null && p < CATCH_ALL_PRIORITY - 1)
                .mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private String targetGroup(DeployContext ctx) {
        return ctx.names.targetGroup(ctx.service.name(), ctx.request.launchType());
    }
}
