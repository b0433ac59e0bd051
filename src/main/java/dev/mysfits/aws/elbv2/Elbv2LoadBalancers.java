package dev.mysfits.aws.elbv2;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpAddressType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link LoadBalancers} on the ELBv2 API. */
public final class Elbv2LoadBalancers implements LoadBalancers {
    private static final String PROVISIONING = "provisioning";
    private static final String ACTIVE = "active";
    private final ElasticLoadBalancingV2Client elb;
    private final Eventually eventually;

    public Elbv2LoadBalancers(ElasticLoadBalancingV2Client elb, Eventually eventually) {
        this.elb = elb;
        this.eventually = eventually;
    }

    @Override
    public Optional<LoadBalancer> findLoadBalancer(String name) {
        try {
            return elb.describeLoadBalancers(r -> r.names(name)).loadBalancers().stream()
                    .map(Elbv2LoadBalancers::toRecord)
                    .findFirst();
        } catch (LoadBalancerNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe load balancer " + name, e);
        }
    }

    @Override
    public Optional<LoadBalancer> findLoadBalancerByArnOrDnsName(String arnOrDnsName) {
        try {
            if (arnOrDnsName.startsWith("arn:")) {
                return elb.describeLoadBalancers(r -> r.loadBalancerArns(arnOrDnsName)).loadBalancers().stream()
                        .map(Elbv2LoadBalancers::toRecord).findFirst();
            }
            return elb.describeLoadBalancersPaginator(r -> { }).loadBalancers().stream()
                    .filter(lb -> arnOrDnsName.equalsIgnoreCase(lb.dnsName()))
                    .map(Elbv2LoadBalancers::toRecord).findFirst();
        } catch (LoadBalancerNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe load balancer " + arnOrDnsName, e);
        }
    }

    @Override
    public Optional<Listener> findListenerByArn(String listenerArn) {
        try {
            return elb.describeListeners(r -> r.listenerArns(listenerArn)).listeners().stream()
                    .map(l -> new Listener(l.listenerArn(), l.loadBalancerArn(), l.port(),
                            l.protocolAsString(), defaultAction(l.defaultActions())))
                    .findFirst();
        } catch (ListenerNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe listener " + listenerArn, e);
        }
    }

    @Override
    public LoadBalancer createLoadBalancer(String name, List<String> subnetIds, List<String> securityGroupIds,
                                           Map<String, String> tags) {
        try {
            return elb.createLoadBalancer(r -> r.name(name)
                            .type(LoadBalancerTypeEnum.APPLICATION)
                            .scheme(LoadBalancerSchemeEnum.INTERNET_FACING)
                            .ipAddressType(IpAddressType.IPV4)
                            .subnets(subnetIds)
                            .securityGroups(securityGroupIds)
                            .tags(tags(tags)))
                    .loadBalancers().stream()
                    .map(Elbv2LoadBalancers::toRecord)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("CreateLoadBalancer returned no load balancer"));
        } catch (DuplicateLoadBalancerNameException madeByALostAttempt) {
            // An earlier attempt whose answer was lost made it: that one is ours.
            return findLoadBalancer(name).orElseThrow(() -> AwsErrors.wrap("elbv2 create load balancer " + name, madeByALostAttempt));
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 create load balancer " + name, e);
        }
    }

    @Override
    public LoadBalancer awaitActive(String name) {
        LoadBalancer found = eventually.until("load balancer " + name + " to be active", PROVISIONING_BOUND,
                () -> findLoadBalancer(name).orElse(null),
                lb -> lb != null && !PROVISIONING.equals(lb.state()),
                lb -> lb == null ? "not yet listed" : "still " + lb.state());
        if (!ACTIVE.equals(found.state())) {
            throw new MysfitsException(ExitCode.FAILED, "load balancer " + name + " is " + found.state()
                    + ", not active: AWS could not provision it",
                    "see its state reason with: aws elbv2 describe-load-balancers --names " + name
                            + "; then run mysfits cleanup and mysfits setup again");
        }
        return found;
    }

    @Override
    public Optional<Listener> findListener(String loadBalancerArn, int port) {
        try {
            return elb.describeListenersPaginator(r -> r.loadBalancerArn(loadBalancerArn)).listeners().stream()
                    .filter(l -> l.port() != null && l.port() == port)
                    .map(l -> new Listener(l.listenerArn(), l.loadBalancerArn(), l.port(),
                            l.protocolAsString(), defaultAction(l.defaultActions())))
                    .findFirst();
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 describe listeners of " + loadBalancerArn, e);
        }
    }

    @Override
    public Listener createFixedResponseListener(String loadBalancerArn, int port, FixedResponse response,
                                                Map<String, String> tags) {
        Action action = Action.builder()
                .type(ActionTypeEnum.FIXED_RESPONSE)
                .fixedResponseConfig(c -> c.statusCode(response.statusCode())
                        .contentType(response.contentType())
                        .messageBody(response.body()))
                .build();
        try {
            var l = elb.createListener(r -> r.loadBalancerArn(loadBalancerArn)
                            .protocol(ProtocolEnum.HTTP)
                            .port(port)
                            .defaultActions(action)
                            .tags(tags(tags)))
                    .listeners().get(0);
            return new Listener(l.listenerArn(), l.loadBalancerArn(), l.port(), l.protocolAsString(),
                    defaultAction(l.defaultActions()));
        } catch (DuplicateListenerException madeByALostAttempt) {
            return findListener(loadBalancerArn, port)
                    .orElseThrow(() -> AwsErrors.wrap("elbv2 create listener :" + port + " on " + loadBalancerArn, madeByALostAttempt));
        } catch (SdkException e) {
            throw AwsErrors.wrap("elbv2 create listener :" + port + " on " + loadBalancerArn, e);
        }
    }

    private static LoadBalancer toRecord(software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer lb) {
        return new LoadBalancer(lb.loadBalancerArn(), lb.loadBalancerName(), lb.dnsName(), lb.vpcId(),
                lb.availabilityZones().stream().map(AvailabilityZone::subnetId).filter(Objects::nonNull).toList(),
                List.copyOf(lb.securityGroups()),
                lb.schemeAsString(),
                lb.state() == null ? null : lb.state().codeAsString());
    }

    private static DefaultAction defaultAction(List<Action> actions) {
        if (actions.isEmpty()) {
            return null;
        }
        // The default action is the last one in order (authentication actions may come first).
        Action action = actions.get(actions.size() - 1);
        List<String> targetGroups = new ArrayList<>();
        if (action.targetGroupArn() != null) {
            targetGroups.add(action.targetGroupArn());
        } else if (action.forwardConfig() != null) {
            action.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn).forEach(targetGroups::add);
        }
        var fixed = action.fixedResponseConfig();
        return new DefaultAction(action.typeAsString(), List.copyOf(targetGroups),
                fixed == null ? null : fixed.statusCode(),
                fixed == null ? null : fixed.contentType(),
                fixed == null ? null : fixed.messageBody());
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }
}
