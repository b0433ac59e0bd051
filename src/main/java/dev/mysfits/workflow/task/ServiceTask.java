package dev.mysfits.workflow.task;

import dev.mysfits.aws.ecs.ClusterTasks.TaskSummary;
import dev.mysfits.core.ResourceNames;

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

    /**
     * Whether the task is the service's: its ECS service's own, one task run started (tagged with the workshop and
     * the service, whatever family its template names), or one of the service's family started by hand.
     */
    static boolean belongsTo(TaskSummary task, ResourceNames names, String service) {
        return ("service:" + names.ecsService(service)).equals(task.group())
                || (names.workshop().equals(task.tags().get(ResourceNames.TAG_WORKSHOP))
                && service.equals(task.tags().get(ResourceNames.TAG_SERVICE)))
                || names.taskFamily(service).equals(task.family());
    }

    static ServiceTask of(String service, TaskSummary task) {
        Map<String, Integer> exitCodes = new LinkedHashMap<>();
        task.containers().forEach(c -> exitCodes.put(c.name(), c.exitCode()));
        return new ServiceTask(service, task.id(), task.arn(), task.revision(), task.ofService() ? BY_SERVICE : BY_TASK_RUN,
                task.lastStatus(), task.desiredStatus(), task.startedAt(), task.stoppedAt(), task.stopCode(),
                task.stoppedReason() == null || task.stoppedReason().isEmpty() ? null : task.stoppedReason(), exitCodes);
    }
}
