package dev.mysfits.workflow.task;

import dev.mysfits.aws.ecs.ClusterTasks.TaskSummary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task of a service, as task list shows it and task stop reports it.
 *
 * @param startedBy "service" for the ECS service's own task (its scheduler replaces it), "task run" for a standalone
 *                  task (mysfits task run, or RunTask by hand)
 * @param exitCodes each container's exit code; null for one that has not exited
 */
public record ServiceTask(String service, String id, String arn, String revision, String startedBy, String lastStatus,
                          String desiredStatus, Instant startedAt, Instant stoppedAt, String stopCode, String stoppedReason,
                          Map<String, Integer> exitCodes) {

    public static final String BY_SERVICE = "service";
    public static final String BY_TASK_RUN = "task run";

    static ServiceTask of(String service, TaskSummary task) {
        Map<String, Integer> exitCodes = new LinkedHashMap<>();
        task.containers().forEach(c -> exitCodes.put(c.name(), c.exitCode()));
        return new ServiceTask(service, task.id(), task.arn(), task.revision(), task.ofService() ? BY_SERVICE : BY_TASK_RUN,
                task.lastStatus(), task.desiredStatus(), task.startedAt(), task.stoppedAt(), task.stopCode(),
                task.stoppedReason() == null || task.stoppedReason().isEmpty() ? null : task.stoppedReason(), exitCodes);
    }
}
