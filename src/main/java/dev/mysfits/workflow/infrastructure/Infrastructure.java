package dev.mysfits.workflow.infrastructure;

import java.util.List;
import java.util.Map;

/**
 * What setup made in a region, as deploy needs it: the network, the security groups, the load balancer and its
 * listener, the cluster, the roles and the log groups (service name to log group name), and the private subnets
 * for tasks without a public IP (empty when setup was given none). {@code url} has the listener's port when it is
 * not 80.
 */
public record Infrastructure(
        String workshop,
        String region,
        String vpcId,
        List<String> subnetIds,
        String loadBalancerSecurityGroupId,
        String tasksSecurityGroupId,
        String loadBalancerArn,
        String loadBalancerDnsName,
        String url,
        String listenerArn,
        String clusterName,
        String clusterArn,
        String executionRoleArn,
        String taskRoleArn,
        Map<String, String> logGroups,
        List<String> privateSubnetIds,
        int listenerPort) {

    /** The port of the load balancer's HTTP listener that setup makes and deploy routes, unless setup is told another. */
    public static final int LISTENER_PORT = 80;

    /** The load balancer's address as a browser takes it: its DNS name, with ":port" when the listener is not on 80. */
    public static String host(String dnsName, int listenerPort) {
        return listenerPort == LISTENER_PORT ? dnsName : dnsName + ":" + listenerPort;
    }

    public static String url(String dnsName, int listenerPort) {
        return "http://" + host(dnsName, listenerPort);
    }

    /** {@link #host(String, int)} of this load balancer: what ${ALB_HOST} stands for. */
    public String host() {
        return host(loadBalancerDnsName, listenerPort);
    }
}
