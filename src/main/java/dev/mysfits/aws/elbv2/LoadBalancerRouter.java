package dev.mysfits.aws.elbv2;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ELBv2 calls deploy makes: target groups, the listener's default action, path rules, target health. */
public interface LoadBalancerRouter {

    /** A target group's HTTP health check and how long a deregistered target drains. */
    record HealthCheck(String path, int intervalSeconds, int timeoutSeconds, int healthyThreshold,
                       int unhealthyThreshold, String matcher, int deregistrationDelaySeconds) {
    }

    record TargetGroup(String arn, String name, String targetType, int port, HealthCheck healthCheck) {
        public String healthCheckPath() {
            return healthCheck.path();
        }
    }

    record TargetGroupSpec(String name, String vpcId, int port, String targetType, HealthCheck healthCheck,
                           Map<String, String> tags) {
    }

    /**
     * A listener rule; {@code isDefault} is the listener's default action (no priority, no conditions).
     *
     * @param weights     each forwarded-to target group's weight, in the order forwardTargetGroupArns lists them (a
     *                    plain forward to one group weighs 1)
     * @param headerNames the headers its http-header conditions ask for (a test listener rule's), empty for none
     */
    record Rule(String arn, boolean isDefault, Integer priority, List<String> pathPatterns,
                List<String> forwardTargetGroupArns, String actionType, Map<String, Integer> weights,
                List<String> headerNames) {
        public Rule(String arn, boolean isDefault, Integer priority, List<String> pathPatterns,
                    List<String> forwardTargetGroupArns, String actionType) {
            this(arn, isDefault, priority, pathPatterns, forwardTargetGroupArns, actionType, evenly(forwardTargetGroupArns));
        }

        public Rule(String arn, boolean isDefault, Integer priority, List<String> pathPatterns,
                    List<String> forwardTargetGroupArns, String actionType, Map<String, Integer> weights) {
            this(arn, isDefault, priority, pathPatterns, forwardTargetGroupArns, actionType, weights, List.of());
        }

        private static Map<String, Integer> evenly(List<String> targetGroupArns) {
            Map<String, Integer> weights = new java.util.LinkedHashMap<>();
            targetGroupArns.forEach(arn -> weights.put(arn, 1));
            return weights;
        }

        /** The group's share of this rule's traffic, in percent (0 when it is not forwarded to). */
        public int percentOf(String targetGroupArn) {
            int total = weights.values().stream().mapToInt(Integer::intValue).sum();
            return total == 0 ? 0 : (int) Math.round(100.0 * weights.getOrDefault(targetGroupArn, 0) / total);
        }
    }

    record TargetHealth(String targetId, String port, String state, String reason, String description) {
    }

    Optional<TargetGroup> findTargetGroup(String name);

    TargetGroup createTargetGroup(TargetGroupSpec spec);

    /** Sets the health check and the deregistration delay of an existing target group. */
    void updateHealthCheck(String targetGroupArn, HealthCheck healthCheck);

    /** Every rule of the listener, the default one included. */
    List<Rule> rules(String listenerArn);

    void forwardByDefault(String listenerArn, String targetGroupArn);

    Rule createPathRule(String listenerArn, int priority, String pathPattern, String targetGroupArn, Map<String, String> tags);

    List<TargetHealth> targetHealth(String targetGroupArn);

    /** One rule by its ARN, if it exists. */
    Optional<Rule> rule(String ruleArn);

    /** A path rule that forwards to several target groups by weight (ECS shifts them during a deployment). */
    Rule createWeightedRule(String listenerArn, int priority, String pathPattern, Map<String, Integer> weights,
                            Map<String, String> tags);

    /** As createWeightedRule, for requests that also carry this header (any value): a test listener rule. */
    Rule createHeaderRule(String listenerArn, int priority, String pathPattern, String headerName,
                          Map<String, Integer> weights, Map<String, String> tags);

    /** Makes an existing rule forward to these target groups by these weights. */
    void forwardWeighted(String ruleArn, Map<String, Integer> weights);

    /** The target group name inside its ARN (arn:...:targetgroup/NAME/ID). */
    static String targetGroupName(String arn) {
        String[] parts = arn.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : arn;
    }
}
