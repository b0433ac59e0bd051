package dev.mysfits.workflow.task;

import java.util.Map;

/** A one-off task as it was last seen: RUNNING, or STOPPED with exit codes and the reason. */
public record RunTaskResult(String service, String taskArn, String taskDefinitionArn, String launchType,
                            String lastStatus, Map<String, Integer> exitCodes, String stoppedReason) {
}
