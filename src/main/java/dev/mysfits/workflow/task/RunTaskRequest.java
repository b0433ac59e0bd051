package dev.mysfits.workflow.task;

import dev.mysfits.config.WorkshopConfig;
import java.time.Duration;

/**
 * @param launchType  "fargate", "ec2", or null for the service's (or the task definition's) own
 * @param environment environment overrides for the task's first container (the lab's RunTask overrides)
 * @param untilStopped wait for the task to stop (a one-off job) rather than for it to run
 * @param tag         --tag: the image tag to pin, or null for the image 'latest' points at (as deploy)
 */
public record RunTaskRequest(WorkshopConfig workshop, String service, String launchType, Duration waitTimeout, Duration pollInterval,
                             java.util.Map<String, String> environment, boolean untilStopped, String tag) {
    public RunTaskRequest {
        environment = environment == null ? java.util.Map.of() : java.util.Map.copyOf(environment);
    }

    public RunTaskRequest(WorkshopConfig workshop, String service, String launchType, Duration waitTimeout, Duration pollInterval,
                          java.util.Map<String, String> environment, boolean untilStopped) {
        this(workshop, service, launchType, waitTimeout, pollInterval, environment, untilStopped, null);
    }
}
