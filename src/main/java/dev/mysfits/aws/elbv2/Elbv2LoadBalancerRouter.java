package dev.mysfits.aws.elbv2;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** {@link LoadBalancerRouter} on the ELBv2 API. */
public final class Elbv2LoadBalancerRouter implements LoadBalancerRouter {
    private static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
    private static final int DEFAULT_DEREGISTRATION_DELAY = 300;
    private final ElasticLoadBalancingV2Client elb;
    private final Eventually eventually;
    /** What this command made: only a read of those may meet AWS not knowing them yet; any other NotFound is real. */
    private final Set<String> madeHere = ConcurrentHashMap.newKeySet();

    public Elbv2LoadBalancerRouter(ElasticLoadBalancingV2Client elb, Eventually eventually) {
        this.elb = elb;
        this.eventually = eventually;
    }

    /** Runs a call naming arn; when this command just made arn, AWS's NotFound means "not yet", for a bounded time. */
    private <T> T naming(String arn, Supplier<T> call) {
        if (!madeHere.contains(arn)) {
            return call.get();
        }
        return eventually.call("target group " + LoadBalancerRouter.targetGroupName(arn) + " to be readable",
                Eventually.PROPAGATION, TransientErrors.NOT_YET_VISIBLE, call);
    }

    @Override
    public Optional<TargetGroup> findTargetGroup(String name) {
        try {
            var group = elb.describeTargetGroups(r -> r.names(name)).targetGroups().stream().findFirst();
            return group.map(g -> toRecord(g, deregistrationDelay(g.targetGroupArn())));
        } catch (TargetGroupNotFoundException notFound) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe target group " + name, e);
        }
    }

    @Override
    public TargetGroup createTargetGroup(TargetGroupSpec spec) {
        try {
            HealthCheck check = spec.healthCheck();
            var created = elb.createTargetGroup(r -> r.name(spec.name()).vpcId(spec.vpcId()).port(spec.port())
                    .protocol("HTTP").targetType(spec.targetType())
                    .healthCheckProtocol("HTTP").healthCheckPath(check.path())
                    .healthCheckIntervalSeconds(check.intervalSeconds()).healthCheckTimeoutSeconds(check.timeoutSeconds())
                    .healthyThresholdCount(check.healthyThreshold()).unhealthyThresholdCount(check.unhealthyThreshold())
                    .matcher(m -> m.httpCode(check.matcher()))
                    .tags(tags(spec.tags()))).targetGroups().get(0);
            madeHere.add(created.targetGroupArn());
            setDeregistrationDelay(created.targetGroupArn(), check.deregistrationDelaySeconds());
            return toRecord(created, check.deregistrationDelaySeconds());
        } catch (DuplicateTargetGroupNameException madeByALostAttempt) {
            // An earlier attempt whose answer was lost made it: that one is ours; its delay may not be set yet.
            TargetGroup found = findTargetGroup(spec.name())
                    .orElseThrow(() -> AwsErrors.wrap("elbv2 create target group " + spec.name(), madeByALostAttempt));
            setDeregistrationDelay(found.arn(), spec.healthCheck().deregistrationDelaySeconds());
            return new TargetGroup(found.arn(), found.name(), found.targetType(), found.port(), spec.healthCheck());
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 create target group " + spec.name(), e);
        }
    }

    @Override
    public void updateHealthCheck(String targetGroupArn, HealthCheck check) {
        try {
            elb.modifyTargetGroup(r -> r.targetGroupArn(targetGroupArn).healthCheckProtocol("HTTP").healthCheckPath(check.path())
                    .healthCheckIntervalSeconds(check.intervalSeconds()).healthCheckTimeoutSeconds(check.timeoutSeconds())
                    .healthyThresholdCount(check.healthyThreshold()).unhealthyThresholdCount(check.unhealthyThreshold())
                    .matcher(m -> m.httpCode(check.matcher())));
            setDeregistrationDelay(targetGroupArn, check.deregistrationDelaySeconds());
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 modify target group " + LoadBalancerRouter.targetGroupName(targetGroupArn), e);
        }
    }

    private void setDeregistrationDelay(String targetGroupArn, int seconds) {
        naming(targetGroupArn, () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(targetGroupArn).attributes(
                software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute.builder()
                        .key(DEREGISTRATION_DELAY).value(String.valueOf(seconds)).build())));
    }

    private int deregistrationDelay(String targetGroupArn) {
        try {
            return elb.describeTargetGroupAttributes(r -> r.targetGroupArn(targetGroupArn)).attributes().stream()
                    .filter(a -> DEREGISTRATION_DELAY.equals(a.key())).map(a -> Integer.parseInt(a.value()))
                    .findFirst().orElse(DEFAULT_DEREGISTRATION_DELAY);
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe target group attributes " + LoadBalancerRouter.targetGroupName(targetGroupArn), e);
        }
    }

    @Override
    public List<Rule> rules(String listenerArn) {
        List<Rule> rules = new ArrayList<>();
        try {
            String marker = null;
            do {
                String page = marker;
                var response = elb.describeRules(r -> r.listenerArn(listenerArn).marker(page));
                response.rules().forEach(rule -> rules.add(toRecord(rule)));
                marker = response.nextMarker();
            } while (marker != null && !marker.isEmpty());
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe rules of listener " + listenerArn, e);
        }
        return rules;
    }

    @Override
    public void forwardByDefault(String listenerArn, String targetGroupArn) {
        try {
            elb.modifyListener(r -> r.listenerArn(listenerArn).defaultActions(forward(targetGroupArn)));
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 modify listener default action", e);
        }
    }

    @Override
    public Rule createPathRule(String listenerArn, int priority, String pathPattern, String targetGroupArn,
                               Map<String, String> tags) {
        return createRule(listenerArn, priority, List.of(path(pathPattern)), forward(targetGroupArn), tags, pathPattern,
                rule -> rule.pathPatterns().equals(List.of(pathPattern))
                        && rule.forwardTargetGroupArns().equals(List.of(targetGroupArn)));
    }

    private static RuleCondition path(String pathPattern) {
        return RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values(pathPattern)).build();
    }

    /**
     * CreateRule. A priority already taken by this very rule (made by an earlier attempt whose answer was lost) is
     * that rule, found by {@code sameRule}; taken by another, it is an error.
     */
    private Rule createRule(String listenerArn, int priority, List<RuleCondition> conditions, Action action,
                            Map<String, String> tags, String what, java.util.function.Predicate<Rule> sameRule) {
        try {
            return toRecord(elb.createRule(r -> r.listenerArn(listenerArn).priority(priority).conditions(conditions)
                    .actions(action).tags(tags(tags))).rules().get(0));
        } catch (PriorityInUseException e) {
            return rules(listenerArn).stream()
                    .filter(rule -> Integer.valueOf(priority).equals(rule.priority()) && sameRule.test(rule))
                    .findFirst()
                    .orElseThrow(() -> AwsErrors.wrap("elbv2 create rule " + what + " at priority " + priority, e));
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 create rule " + what + " at priority " + priority, e);
        }
    }

    @Override
    public List<TargetHealth> targetHealth(String targetGroupArn) {
        try {
            return naming(targetGroupArn, () -> elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)))
                    .targetHealthDescriptions().stream()
                    .map(d -> new TargetHealth(d.target().id(), d.target().port() == null ? "" : String.valueOf(d.target().port()),
                            d.targetHealth() == null ? "unknown" : d.targetHealth().stateAsString(),
                            d.targetHealth() == null ? null : d.targetHealth().reasonAsString(),
                            d.targetHealth() == null ? null : d.targetHealth().description()))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe target health " + LoadBalancerRouter.targetGroupName(targetGroupArn), e);
        }
    }

    @Override
    public Optional<Rule> rule(String ruleArn) {
        try {
            return elb.describeRules(r -> r.ruleArns(ruleArn)).rules().stream().findFirst().map(Elbv2LoadBalancerRouter::toRecord);
        } catch (software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException gone) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe rule " + ruleArn, e);
        }
    }

    @Override
    public Rule createWeightedRule(String listenerArn, int priority, String pathPattern, Map<String, Integer> weights,
                                   Map<String, String> tags) {
        return createRule(listenerArn, priority, List.of(path(pathPattern)), weighted(weights), tags, pathPattern,
                rule -> rule.pathPatterns().equals(List.of(pathPattern)) && rule.weights().keySet().equals(weights.keySet()));
    }

    @Override
    public Rule createHeaderRule(String listenerArn, int priority, String pathPattern, String headerName,
                                 Map<String, Integer> weights, Map<String, String> tags) {
        RuleCondition header = RuleCondition.builder().field("http-header")
                .httpHeaderConfig(h -> h.httpHeaderName(headerName).values("*")).build();
        return createRule(listenerArn, priority, List.of(path(pathPattern), header), weighted(weights), tags,
                pathPattern + " + " + headerName, rule -> rule.headerNames().equals(List.of(headerName)));
    }

    @Override
    public void forwardWeighted(String ruleArn, Map<String, Integer> weights) {
        try {
            elb.modifyRule(r -> r.ruleArn(ruleArn).actions(weighted(weights)));
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 modify rule " + ruleArn, e);
        }
    }

    private static Action weighted(Map<String, Integer> weights) {
        return Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(weights.entrySet().stream()
                .map(e -> software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple.builder()
                        .targetGroupArn(e.getKey()).weight(e.getValue()).build()).toList())).build();
    }

    private static Action forward(String targetGroupArn) {
        return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn).build();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static TargetGroup toRecord(software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup g,
                                        int deregistrationDelay) {
        return new TargetGroup(g.targetGroupArn(), g.targetGroupName(), g.targetTypeAsString(),
                g.port() == null ? 0 : g.port(), new HealthCheck(g.healthCheckPath(), nz(g.healthCheckIntervalSeconds()),
                nz(g.healthCheckTimeoutSeconds()), nz(g.healthyThresholdCount()), nz(g.unhealthyThresholdCount()),
                g.matcher() == null ? null : g.matcher().httpCode(), deregistrationDelay));
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    private static Rule toRecord(software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule rule) {
        boolean isDefault = Boolean.TRUE.equals(rule.isDefault());
        Integer priority = isDefault || rule.priority() == null || "default".equals(rule.priority()) ? null : Integer.valueOf(rule.priority());
        List<String> paths = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (RuleCondition condition : rule.conditions()) {
            if ("http-header".equals(condition.field()) && condition.httpHeaderConfig() != null) {
                headers.add(condition.httpHeaderConfig().httpHeaderName());
            }
            if ("path-pattern".equals(condition.field())) {
                if (condition.pathPatternConfig() != null && !condition.pathPatternConfig().values().isEmpty()) {
                    paths.addAll(condition.pathPatternConfig().values());
                } else {
                    paths.addAll(condition.values());
                }
            }
        }
        List<String> forwards = new ArrayList<>();
        Map<String, Integer> weights = new java.util.LinkedHashMap<>();
        String type = null;
        for (Action action : rule.actions()) {
            type = type == null ? action.typeAsString() : type;
            if (action.type() == ActionTypeEnum.FORWARD) {
                if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
                    action.forwardConfig().targetGroups().forEach(t -> {
                        forwards.add(t.targetGroupArn());
                        weights.put(t.targetGroupArn(), t.weight() == null ? 1 : t.weight());
                    });
                } else if (action.targetGroupArn() != null) {
                    forwards.add(action.targetGroupArn());
                    weights.put(action.targetGroupArn(), 1);
                }
            }
        }
        return new Rule(rule.ruleArn(), isDefault, priority, paths, forwards, type, weights, headers);
    }
}
