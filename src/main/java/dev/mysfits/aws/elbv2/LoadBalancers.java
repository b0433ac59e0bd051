package dev.mysfits.aws.elbv2;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Application load balancers and their listeners, as setup makes them. Target groups and rules: see deploy's router. */
public interface LoadBalancers {
    /** AWS provisions most load balancers within 1-3 minutes; past this, something is wrong. */
    Duration PROVISIONING_BOUND = Duration.ofMinutes(10);

    record LoadBalancer(String arn, String name, String dnsName, String vpcId, List<String> subnetIds,
                        List<String> securityGroupIds, String scheme, String state) {
    }

    /**
     * A listener's default action: a forward to target groups, or a fixed response.
     *
     * @param type            "forward", "fixed-response", "redirect"...
     * @param targetGroupArns for forward, else empty
     * @param statusCode      for fixed-response, else null
     */
    record DefaultAction(String type, List<String> targetGroupArns, String statusCode, String contentType, String body) {
        public String describe() {
            return switch (type) {
                case "forward" -> "forward to " + String.join(", ", targetGroupArns);
                case "fixed-response" -> "fixed response " + statusCode;
                default -> type;
            };
        }
    }

    record Listener(String arn, String loadBalancerArn, int port, String protocol, DefaultAction defaultAction) {
    }

    record FixedResponse(String statusCode, String contentType, String body) {
        /** The listener's answer while no service claims a path: what setup makes and cleanup restores. */
        public static final FixedResponse NOT_CLAIMED =
                new FixedResponse("404", "text/plain", "No mysfits service claims this path yet");

    }

    Optional<LoadBalancer> findLoadBalancer(String name);

    /** A load balancer someone else made (the labs' stack), by its ARN or its DNS name. */
    Optional<LoadBalancer> findLoadBalancerByArnOrDnsName(String arnOrDnsName);

    Optional<Listener> findListenerByArn(String listenerArn);

    /** Creates an internet-facing application load balancer in the subnets with the security groups. */
    LoadBalancer createLoadBalancer(String name, List<String> subnetIds, List<String> securityGroupIds, Map<String, String> tags);

    /**
     * Waits until the load balancer is active: AWS makes one {@code provisioning} first, for a minute or more, and it
     * answers no request until then. Shows the wait; past the bound, exit 4 naming it. A load balancer that failed to
     * provision is an error.
     */
    LoadBalancer awaitActive(String name);

    Optional<Listener> findListener(String loadBalancerArn, int port);

    /** Creates an HTTP listener whose default action is a fixed response. */
    Listener createFixedResponseListener(String loadBalancerArn, int port, FixedResponse response, Map<String, String> tags);
}
