package dev.mysfits.aws.elbv2;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.WorkshopTags;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workshop's target groups and load balancers, by their tag; and what hangs off the load balancers: listeners,
 * and the rules that forward to the workshop's target groups (rules carry no tags of their own in every API version).
 */
public final class Elbv2TaggedResources {
    private static final String LOAD_BALANCER_MARK = ":loadbalancer/app/";

    private final ElasticLoadBalancingV2Client elb;

    public Elbv2TaggedResources(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    public List<OwnedResource> targetGroups(WorkshopTags tagged) {
        List<OwnedResource> ours = new ArrayList<>();
        tagged.arns(":targetgroup/").forEach((arn, tags) -> ours.add(OwnedResource.of(ResourceType.TARGET_GROUP, arn,
                LoadBalancerRouter.targetGroupName(arn), tags.get(ResourceNames.TAG_SERVICE), null)));
        return ours;
    }

    /** Tagged load balancers, and those the ledger has (a tag may be lost), with their listeners and our rules. */
    public List<OwnedResource> loadBalancers(WorkshopTags tagged, Set<String> known, List<OwnedResource> targetGroups) {
        Set<String> arns = new LinkedHashSet<>(tagged.arns(LOAD_BALANCER_MARK).keySet());
        known.stream().filter(id -> id.contains(LOAD_BALANCER_MARK)).forEach(arns::add);
        Map<String, String> serviceOfTargetGroup = new HashMap<>();
        targetGroups.forEach(g -> serviceOfTargetGroup.put(g.id(), g.service() == null ? "" : g.service()));
        List<OwnedResource> ours = new ArrayList<>();
        for (String arn : arns) {
            Optional<LoadBalancer> found = describe(arn);
            if (found.isEmpty()) {
                continue;
            }
            LoadBalancer balancer = found.get();
            ours.add(OwnedResource.of(ResourceType.LOAD_BALANCER, arn, balancer.loadBalancerName(), null, null));
            for (Listener listener : elb.describeListeners(r -> r.loadBalancerArn(arn)).listeners()) {
                ours.add(new OwnedResource(ResourceType.LISTENER, listener.listenerArn(),
                        balancer.loadBalancerName() + ":" + listener.port(), null, arn,
                        forwardTargets(listener.defaultActions()), null));
                for (Rule rule : elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules()) {
                    if (Boolean.TRUE.equals(rule.isDefault())) {
                        continue;
                    }
                    List<String> forwards = forwardTargets(rule.actions());
                    String service = forwards.stream().map(serviceOfTargetGroup::get).filter(s -> s != null)
                            .findFirst().orElse(null);
                    if (service != null || known.contains(rule.ruleArn())) {
                        ours.add(new OwnedResource(ResourceType.LISTENER_RULE, rule.ruleArn(), pathOf(rule),
                                service == null || service.isEmpty() ? null : service, listener.listenerArn(),
                                forwards, null));
                    }
                }
            }
        }
        return ours;
    }

    private Optional<LoadBalancer> describe(String arn) {
        try {
            return elb.describeLoadBalancers(r -> r.loadBalancerArns(arn)).loadBalancers().stream().findFirst();
        } catch (SdkException e) {
            if (DeletionErrors.gone(e)) {
                return Optional.empty(); // the ledger remembers one that is gone
            }
            throw e;
        }
    }

    private static String pathOf(Rule rule) {
        for (RuleCondition condition : rule.conditions()) {
            if (condition.pathPatternConfig() != null && !condition.pathPatternConfig().values().isEmpty()) {
                return condition.pathPatternConfig().values().get(0);
            }
            if (!condition.values().isEmpty()) {
                return condition.values().get(0);
            }
        }
        return "rule " + rule.priority();
    }

    private static List<String> forwardTargets(List<Action> actions) {
        List<String> arns = new ArrayList<>();
        for (Action action : actions) {
            if (action.targetGroupArn() != null) {
                arns.add(action.targetGroupArn());
            }
            if (action.forwardConfig() != null) {
                action.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn)
                        .filter(a -> !arns.contains(a)).forEach(arns::add);
            }
        }
        return arns;
    }
}
