package dev.mysfits.aws.ecs;

import java.time.Instant;
import java.util.List;

/** A cluster's tasks as task list and task stop see them: running ones and recently stopped ones. */
public interface ClusterTasks {

    /**
     * @param group     "service:NAME" for a service's task, "family:NAME" for one RunTask started
     * @param startedAt when its containers started; null while it has not
     * @param stoppedAt when it stopped; null while it has not
     */
    record TaskSummary(String arn, String taskDefinitionArn, String group, String launchType, String lastStatus,
                       String desiredStatus, Instant createdAt, Instant startedAt, Instant stoppedAt, String stopCode,
                       String stoppedReason, List<ContainerService.ContainerState> containers) {

        public String id() {
            return arn.substring(arn.lastIndexOf('/') + 1);
        }

        /** A service's task: its scheduler keeps the count, so a stopped one is replaced. */
        public boolean ofService() {
            return group != null && group.startsWith("service:");
        }

        /** "family:3" of its task definition. */
        public String revision() {
            return taskDefinitionArn == null ? null : taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
        }
    }

    /** The family's tasks, those meant to run and those stopped that ECS still shows (about an hour), newest first. */
    List<TaskSummary> ofFamily(String cluster, String family);

    /** The tasks the cluster knows among these ids or ARNs; one it does not know is left out. */
    List<TaskSummary> describe(String cluster, List<String> idsOrArns);

    /** Asks ECS to stop the task; it stops a moment later. Stopping a stopped task changes nothing. */
    void stop(String cluster, String taskArn, String reason);
}
