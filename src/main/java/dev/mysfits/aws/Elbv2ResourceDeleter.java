package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;

import java.time.Duration;

/** Listener rules, target groups, listeners and load balancers. */
final class Elbv2ResourceDeleter {
    private final ElasticLoadBalancingV2Client client;
    private final Duration goneTimeout;
    private final Duration pollInterval;

    Elbv2ResourceDeleter(ElasticLoadBalancingV2Client client, Duration goneTimeout, Duration pollInterval) {
        this.client = client;
        this.goneTimeout = goneTimeout;
        this.pollInterval = pollInterval;
    }

    ResourceDeleter.Outcome deleteRule(OwnedResource rule) {
        try {
            client.deleteRule(r -> r.ruleArn(rule.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle("elbv2 delete rule " + rule.name(), e);
        }
    }

    ResourceDeleter.Outcome deleteTargetGroup(OwnedResource group) {
        try {
            client.deleteTargetGroup(r -> r.targetGroupArn(group.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle("elbv2 delete target group " + group.name(), e);
        }
    }

    ResourceDeleter.Outcome deleteListener(OwnedResource listener) {
        try {
            client.deleteListener(r -> r.listenerArn(listener.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle("elbv2 delete listener " + listener.name(), e);
        }
    }

    /** Deletes the load balancer and waits until AWS no longer lists it: its network interfaces hold the security groups. */
    ResourceDeleter.Outcome deleteLoadBalancer(OwnedResource balancer) {
        try {
            client.deleteLoadBalancer(r -> r.loadBalancerArn(balancer.id()));
        } catch (SdkException e) {
            return DeletionErrors.handle("elbv2 delete load balancer " + balancer.name(), e);
        }
        long deadline = System.nanoTime() + goneTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.describeLoadBalancers(r -> r.loadBalancerArns(balancer.id())).loadBalancers().isEmpty()) {
                    break;
                }
            } catch (SdkException e) {
                if (DeletionErrors.gone(e)) {
                    break;
                }
                throw AwsErrors.wrap("elbv2 describe load balancer " + balancer.name(), e);
            }
            DeletionErrors.pause(pollInterval.toMillis());
        }
        return ResourceDeleter.Outcome.DELETED;
    }

    void resetDefaultAction(OwnedResource listener) {
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
