package dev.mysfits.aws.ecs;

import dev.mysfits.aws.AwsErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link ClusterTasks} on the ECS API: ListTasks (once per desired status, as ECS lists one at a time) and DescribeTasks with tags. */
public final class EcsClusterTasks implements ClusterTasks {
    /** DescribeTasks takes at most this many tasks per call. */
    private static final int DESCRIBE_BATCH = 100;

    private final EcsClient ecs;

    public EcsClusterTasks(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public List<TaskSummary> all(String cluster) {
        try {
            Set<String> arns = new LinkedHashSet<>();
            for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
                ecs.listTasksPaginator(r -> r.cluster(cluster).desiredStatus(status)).taskArns().forEach(arns::add);
            }
            List<TaskSummary> tasks = new ArrayList<>(describeAll(cluster, new ArrayList<>(arns)));
            tasks.sort(Comparator.comparing((TaskSummary t) -> t.createdAt() == null ? Instant.MIN : t.createdAt()).reversed());
            return tasks;
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs list tasks of cluster " + cluster, e);
        }
    }

    @Override
    public List<TaskSummary> describe(String cluster, List<String> idsOrArns) {
        try {
            return describeAll(cluster, idsOrArns);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe tasks " + String.join(", ", idsOrArns), e);
        }
    }

    @Override
    public void stop(String cluster, String taskArn, String reason) {
        try {
            ecs.stopTask(r -> r.cluster(cluster).task(taskArn).reason(reason));
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs stop task " + taskArn, e);
        }
    }

    private List<TaskSummary> describeAll(String cluster, List<String> ids) {
        List<TaskSummary> tasks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += DESCRIBE_BATCH) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + DESCRIBE_BATCH));
            ecs.describeTasks(r -> r.cluster(cluster).tasks(batch).include(TaskField.TAGS)).tasks().stream().map(EcsClusterTasks::toRecord).forEach(tasks::add);
        }
        return tasks;
    }

    private static TaskSummary toRecord(Task t) {
        return new TaskSummary(t.taskArn(), t.taskDefinitionArn(), t.group(), t.launchTypeAsString(), t.lastStatus(),
                t.desiredStatus(), t.createdAt(), t.startedAt(), t.stoppedAt(), t.stopCodeAsString(), t.stoppedReason(),
                t.containers().stream().map((Container c) -> new ContainerService.ContainerState(c.name(), c.lastStatus(),
                        c.exitCode(), c.reason())).toList(),
                t.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b)));
    }
}
