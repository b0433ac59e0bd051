package dev.mysfits.workflow.task;

import java.util.List;

/** @param tasks the service's tasks, newest first; none is not an error */
public record ListTasksResult(String service, List<ServiceTask> tasks) {
    public ListTasksResult {
        tasks = List.copyOf(tasks);
    }
}
