package dev.mysfits.aws.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A cluster's tasks as task list and task stop see them: running ones and recently stopped ones. */
public interface ClusterTasks {

    /**
     * @param group     "service:NAME" for a service's task, "family:NAME" for one RunTask started
     * @param startedAt when its containers started; null while it has not
     * @param stoppedAt when it stopped; null while it has not
     * @param tags      the tags RunTask gave it (a service's tasks have none unless it propagates them)
     */
    record TaskSummary(String arn, String taskDefinitionArn, String group, String launchType, String lastStatus,
                       String desiredStatus, Instant createdAt, Instant startedAt, Instant stoppedAt, String stopCode,
                       String stoppedReason, List<ContainerService.ContainerState> containers, Map<String, String> tags) {

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

        /** The family of its task definition. */
        public String family() {
            String revision = revision();
            return revision == null ? null : revision.replaceFirst(":\\d+$", "");
        }
    }

    /** The cluster's tasks, those meant to run and those stopped that ECS still shows (about an hour), newest first. */
    List<TaskSummary> all(String cluster);

    /** The tasks the cluster knows among these ids or ARNs, with their tags; one it does not know is left out. */
    List<TaskSummary> describe(String cluster, List<String> idsOrArns);

    /** Asks ECS to stop the task; it stops a moment later. Stopping a stopped task changes nothing. */
    void stop(String cluster, String taskArn, String reason);
}
