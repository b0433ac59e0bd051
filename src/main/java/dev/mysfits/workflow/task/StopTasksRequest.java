package dev.mysfits.workflow.task;

import dev.mysfits.config.WorkshopConfig;

import java.time.Duration;
import java.util.List;

/**
 * @param tasks ids or ARNs of the service's tasks; empty with all
 * @param all   every standalone task of the service (task run's), not the service's own
 */
public record StopTasksRequest(WorkshopConfig workshop, String service, List<String> tasks, boolean all,
                               Duration waitTimeout, Duration pollInterval) {
    public StopTasksRequest {
        tasks = List.copyOf(tasks);
    }
}
