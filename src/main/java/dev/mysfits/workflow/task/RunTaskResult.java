package dev.mysfits.workflow.task;

import java.util.Map;

/**
 * A one-off task as it was last seen: RUNNING, or STOPPED with exit codes and the reason.
 *
 * @param ec2InstanceId the EC2 instance it ran on (EC2 launch type), or null
 */
public record RunTaskResult(String service, String taskArn, String taskDefinitionArn, String launchType,
                            String lastStatus, Map<String, Integer> exitCodes, String stoppedReason, String ec2InstanceId) {
}
