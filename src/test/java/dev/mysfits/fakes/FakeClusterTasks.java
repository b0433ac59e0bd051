package dev.mysfits.fakes;

import dev.mysfits.aws.ecs.ClusterTasks;
import dev.mysfits.aws.ecs.ContainerService.ContainerState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster's tasks in memory. A stopped task goes through DEACTIVATING and STOPPING, one step per describe, then
 * is STOPPED with exit code 143 (SIGTERM), as ECS shows it; every stop call is listed.
 */
public final class FakeClusterTasks implements ClusterTasks {
    public final Map<String, TaskSummary> tasks = new LinkedHashMap<>();
    public final List<String> stops = new ArrayList<>();
    /** How many describes a stopping task takes before it is STOPPED; never, with a negative value. */
    public int describesToStop = 2;
    private final Map<String, Integer> describedWhileStopping = new LinkedHashMap<>();
    private int created;

    /** A task of the family; service null for a standalone one (RunTask's group "family:..."), untagged. */
    public TaskSummary add(String cluster, String family, String service, String lastStatus) {
        return add(cluster, family, service, lastStatus, Map.of());
    }

    /** As {@link #add(String, String, String, String)}, with the tags RunTask gave it. */
    public TaskSummary add(String cluster, String family, String service, String lastStatus, Map<String, String> tags) {
        String id = String.format("%032x", ++created);
        boolean stopped = "STOPPED".equals(lastStatus);
        Instant createdAt = Instant.parse("2026-12-06T10:00:00Z").plusSeconds(created * 60L);
        TaskSummary task = new TaskSummary("arn:aws:ecs:us-east-1:123456789012:task/" + cluster + "/" + id,
                "arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":1",
                service == null ? "family:" + family : "service:" + service, "FARGATE", lastStatus,
                stopped ? "STOPPED" : "RUNNING", createdAt, createdAt.plusSeconds(5), stopped ? createdAt.plusSeconds(30) : null,
                stopped ? "EssentialContainerExited" : null, stopped ? "Essential container in task exited" : null,
                List.of(new ContainerState("app", lastStatus, stopped ? 1 : null, null)), tags);
        tasks.put(task.arn(), task);
        return task;
    }

    @Override
    public List<TaskSummary> all(String cluster) {
        return tasks.values().stream().filter(t -> t.arn().contains(":task/" + cluster + "/"))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
    }

    @Override
    public List<TaskSummary> describe(String cluster, List<String> idsOrArns) {
        List<TaskSummary> found = new ArrayList<>();
        for (String wanted : idsOrArns) {
            TaskSummary task = tasks.values().stream().filter(t -> t.arn().equals(wanted) || t.id().equals(wanted)).findFirst().orElse(null);
            if (task == null) {
                continue;
            }
            if ("STOPPED".equals(task.desiredStatus()) && !"STOPPED".equals(task.lastStatus()) && describesToStop >= 0) {
                int seen = describedWhileStopping.merge(task.arn(), 1, Integer::sum);
                task = seen >= describesToStop ? with(task, "STOPPED", 143) : with(task, seen == 1 ? "DEACTIVATING" : "STOPPING", null);
                tasks.put(task.arn(), task);
            }
            found.add(task);
        }
        return found;
    }

    @Override
    public void stop(String cluster, String taskArn, String reason) {
        stops.add(taskArn);
        TaskSummary t = tasks.get(taskArn);
        tasks.put(taskArn, new TaskSummary(t.arn(), t.taskDefinitionArn(), t.group(), t.launchType(), t.lastStatus(), "STOPPED",
                t.createdAt(), t.startedAt(), t.stoppedAt(), "UserInitiated", reason, t.containers(), t.tags()));
    }

    private static TaskSummary with(TaskSummary t, String lastStatus, Integer exitCode) {
        boolean stopped = "STOPPED".equals(lastStatus);
        return new TaskSummary(t.arn(), t.taskDefinitionArn(), t.group(), t.launchType(), lastStatus, t.desiredStatus(),
                t.createdAt(), t.startedAt(), stopped ? t.createdAt().plusSeconds(90) : null, t.stopCode(), t.stoppedReason(),
                t.containers().stream().map(c -> new ContainerState(c.name(), lastStatus, stopped ? exitCode : c.exitCode(), c.reason())).toList(),
                t.tags());
    }
}
