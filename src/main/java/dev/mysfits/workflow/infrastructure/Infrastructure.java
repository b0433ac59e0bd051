package dev.mysfits.workflow.infrastructure;

import java.util.List;
import java.util.Map;

/**
 * What setup made in a region, as deploy needs it: the network, the security groups, the load balancer and its
 * listener, the cluster, the roles and the log groups (service name to log group name), and the private subnets
 * for tasks without a public IP (empty when setup was given none).
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
        List<String> privateSubnetIds) {

    /** The port of the load balancer's HTTP listener that setup makes and deploy routes. */
    public static final int LISTENER_PORT = 80;
}
