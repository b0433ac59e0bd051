package dev.mysfits.workflow.setup;

import java.util.List;
import java.util.Map;

/**
 * What setup made in a region, as deploy needs it: the network, the security groups, the load balancer and its
 * listener, the cluster, the roles and the log groups (service name to log group name).
 */
public record SetupState(
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
        Map<String, String> logGroups) {
}
