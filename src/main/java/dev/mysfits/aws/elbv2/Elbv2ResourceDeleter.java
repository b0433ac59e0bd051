package dev.mysfits.aws.elbv2;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.aws.WaitUntilGone;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;

import java.util.Map;

/** Listener rules, target groups, listeners and load balancers. */
public record Elbv2ResourceDeleter(ElasticLoadBalancingV2Client client, WaitUntilGone gone) implements ServiceDeleter {

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(
                ResourceType.LISTENER_RULE, this::deleteRule,
                ResourceType.TARGET_GROUP, this::deleteTargetGroup,
                ResourceType.LISTENER, this::deleteListener,
                ResourceType.LOAD_BALANCER, this::deleteLoadBalancer);
    }

    public ResourceDeleter.Outcome deleteRule(OwnedResource rule) {
        return DeletionErrors.deleteOrGone("elbv2 delete rule " + rule.name(), () -> client.deleteRule(r -> r.ruleArn(rule.id())));
    }

    public ResourceDeleter.Outcome deleteTargetGroup(OwnedResource group) {
        return DeletionErrors.deleteOrGone("elbv2 delete target group " + group.name(), () -> client.deleteTargetGroup(r -> r.targetGroupArn(group.id())));
    }

    public ResourceDeleter.Outcome deleteListener(OwnedResource listener) {
        return DeletionErrors.deleteOrGone("elbv2 delete listener " + listener.name(), () -> client.deleteListener(r -> r.listenerArn(listener.id())));
    }

    /** Deletes the load balancer and waits until AWS no longer lists it: its network interfaces hold the security groups. */
    public ResourceDeleter.Outcome deleteLoadBalancer(OwnedResource balancer) {
        ResourceDeleter.Outcome outcome = DeletionErrors.deleteOrGone("elbv2 delete load balancer " + balancer.name(),
                () -> client.deleteLoadBalancer(r -> r.loadBalancerArn(balancer.id())));
        gone.afterDelete(outcome, "load balancer " + balancer.name() + " to go", "elbv2 describe load balancer " + balancer.name(),
                () -> client.describeLoadBalancers(r -> r.loadBalancerArns(balancer.id())).loadBalancers().isEmpty());
        return outcome;
    }

    public void resetDefaultAction(OwnedResource listener) {
        try {
            LoadBalancers.FixedResponse notClaimed = LoadBalancers.FixedResponse.NOT_CLAIMED;
            Action fixed404 = Action.builder().type(ActionTypeEnum.FIXED_RESPONSE)
                    .fixedResponseConfig(f -> f.statusCode(notClaimed.statusCode()).contentType(notClaimed.contentType())
                            .messageBody(notClaimed.body()))
                    .build();
            client.modifyListener(r -> r.listenerArn(listener.id()).defaultActions(fixed404));
        } catch (SdkException e) {
            if (!DeletionErrors.gone(e)) {
                throw AwsErrors.wrap("elbv2 reset default action of listener " + listener.name(), e);
            }
        }
    }
}
