package dev.mysfits.workflow.task;

import java.time.Duration;

/** @param launchType "fargate", "ec2", or null for the service's (or the task definition's) own */
public record RunTaskRequest(String service, String launchType, Duration waitTimeout, Duration pollInterval) {
}
