package dev.mysfits.workflow.status;

import java.util.List;

/**
 * One service as deployed: null fields when it is not deployed.
 *
 * @param targets target health counts, e.g. "2 healthy", "1 healthy, 1 unhealthy"
 * @param tasks   the tasks meant to run, each with its target's health
 * @param otherTargets targets no running task owns (draining ones of stopped tasks, or registered by hand)
 * @param strategy     how it rolls out ("rolling", "canary"...), or null when it is not deployed
 * @param stage        where its deployment in progress is, as ECS says ("PRODUCTION_TRAFFIC_SHIFT, new revision
 *                     10%"), or null when none is in progress or ECS names no stage
 */
public record ServiceStatus(String service, boolean deployed, String launchType, Integer revision, List<String> images,
                            Integer desired, Integer running, Integer pending, String rolloutState, String targets,
                            String url, String serviceArn, List<TaskStatus> tasks, List<TargetStatus> otherTargets,
                            String strategy, String stage) {

    public ServiceStatus(String service, boolean deployed, String launchType, Integer revision, List<String> images,
                         Integer desired, Integer running, Integer pending, String rolloutState, String targets,
                         String url, String serviceArn, List<TaskStatus> tasks, List<TargetStatus> otherTargets) {
        this(service, deployed, launchType, revision, images, desired, running, pending, rolloutState, targets, url,
                serviceArn, tasks, otherTargets, deployed ? "rolling" : null, null);
    }

    /**
     * @param target   "address:port" of its load balancer target, or null; health its state, or null
     * @param instance the EC2 instance it runs on (EC2 launch type), or null
     */
    public record TaskStatus(String taskId, String lastStatus, Integer revision, String target, String health,
                             String healthReason, String instance) {
    }

    /** A container instance of the cluster (EC2 launch type): CPU units and MiB, free of total; the tasks on it. */
    public record InstanceStatus(String instance, String status, int cpuFree, int cpuTotal, int memoryFree,
                                 int memoryTotal, List<String> tasks) {
    }

    public record TargetStatus(String target, String health, String healthReason) {
    }
}
