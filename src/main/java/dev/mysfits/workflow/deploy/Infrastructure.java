package dev.mysfits.workflow.deploy;

import java.util.List;

/**
 * What setup made and deploy places services into: found by name (core/ResourceNames), never created here.
 */
public record Infrastructure(
        String region,
        String cluster,
        String vpcId,
        List<String> subnetIds,
        String tasksSecurityGroupId,
        String loadBalancerArn,
        String loadBalancerDns,
        String listenerArn,
        String executionRoleArn,
        String taskRoleArn) {

    public String baseUrl() {
        return "http://" + loadBalancerDns;
    }
}
