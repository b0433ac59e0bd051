package dev.mysfits.fakes;

import dev.mysfits.aws.elbv2.LoadBalancerRouter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory ALB routing for workflow tests: target groups by name, one listener's rules (a default rule made with
 * the listener), and healthy targets as the {@link FakeContainerService} registers tasks. Mutations are listed.
 */
public final class FakeLoadBalancerRouter implements LoadBalancerRouter {
    public final List<String> mutations = new ArrayList<>();
    public final Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    public final List<Rule> rules = new ArrayList<>();
    public final Map<String, Integer> healthyTargets = new LinkedHashMap<>();

    public FakeLoadBalancerRouter() {
        rules.add(new Rule("arn:rule/default", true, null, List.of(), List.of(), "fixed-response"));
    }

    void registerHealthy(String targetGroupArn, int count) {
        healthyTargets.put(targetGroupArn, count);
    }

    @Override
    public Optional<TargetGroup> findTargetGroup(String name) {
        return Optional.ofNullable(targetGroups.get(name));
    }

    @Override
    public TargetGroup createTargetGroup(TargetGroupSpec spec) {
        mutations.add("create target group " + spec.name());
        TargetGroup group = new TargetGroup("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/" + spec.name() + "/1",
                spec.name(), spec.targetType(), spec.port(), spec.healthCheck());
        targetGroups.put(spec.name(), group);
        return group;
    }

    @Override
    public void updateHealthCheck(String targetGroupArn, HealthCheck healthCheck) {
        mutations.add("update health check of " + targetGroupArn);
        targetGroups.replaceAll((name, g) -> g.arn().equals(targetGroupArn)
                ? new TargetGroup(g.arn(), g.name(), g.targetType(), g.port(), healthCheck) : g);
    }

    @Override
    public List<Rule> rules(String listenerArn) {
        return List.copyOf(rules);
    }

    @Override
    public void forwardByDefault(String listenerArn, String targetGroupArn) {
        mutations.add("forward by default to " + targetGroupArn);
        rules.set(0, new Rule("arn:rule/default", true, null, List.of(), List.of(targetGroupArn), "forward"));
    }

    @Override
    public Rule createPathRule(String listenerArn, int priority, String pathPattern, String targetGroupArn, Map<String, String> tags) {
        mutations.add("create rule " + pathPattern + " priority " + priority);
        Rule rule = new Rule("arn:rule/" + priority, false, priority, List.of(pathPattern), List.of(targetGroupArn), "forward");
        rules.add(rule);
        return rule;
    }

    @Override
    public List<TargetHealth> targetHealth(String targetGroupArn) {
        List<TargetHealth> health = new ArrayList<>();
        for (int i = 1; i <= healthyTargets.getOrDefault(targetGroupArn, 0); i++) {
            health.add(new TargetHealth("10.0.0." + i, "80", "healthy", null, null));
        }
        return health;
    }

    @Override
    public Optional<Rule> rule(String ruleArn) {
        return rules.stream().filter(r -> r.arn().equals(ruleArn)).findFirst();
    }

    @Override
    public Rule createWeightedRule(String listenerArn, int priority, String pathPattern, Map<String, Integer> weights,
                                   Map<String, String> tags) {
        mutations.add("create weighted rule " + pathPattern + " priority " + priority + " " + weights);
        Rule rule = new Rule("arn:rule/" + priority, false, priority, List.of(pathPattern), List.copyOf(weights.keySet()),
                "forward", new LinkedHashMap<>(weights));
        rules.add(rule);
        return rule;
    }

    @Override
    public Rule createHeaderRule(String listenerArn, int priority, String pathPattern, String headerName,
                                 Map<String, Integer> weights, Map<String, String> tags) {
        mutations.add("create header rule " + pathPattern + " + " + headerName + " priority " + priority + " " + weights);
        Rule rule = new Rule("arn:rule/" + priority, false, priority, List.of(pathPattern), List.copyOf(weights.keySet()),
                "forward", new LinkedHashMap<>(weights), List.of(headerName));
        rules.add(rule);
        return rule;
    }

    @Override
    public void forwardWeighted(String ruleArn, Map<String, Integer> weights) {
        mutations.add("forward " + ruleArn + " by weight " + weights);
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.arn().equals(ruleArn)) {
                rules.set(i, new Rule(r.arn(), r.isDefault(), r.priority(), r.pathPatterns(), List.copyOf(weights.keySet()),
                        "forward", new LinkedHashMap<>(weights), r.headerNames()));
            }
        }
    }
}
