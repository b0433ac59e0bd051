package dev.mysfits.aws.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.template.TaskDefinitionDocument;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ECS calls mysfits makes: task definitions, services, one-off tasks. Returns records of our own. */
public interface ContainerService {

    /** A registered task-definition revision; {@code definition} is its description as JSON (API member names). */
    record TaskDefinition(String arn, String family, int revision, List<String> images, JsonNode definition) {
    }

    record Deployment(String id, String status, String taskDefinitionArn, int desired, int running, int pending,
                      String rolloutState, String rolloutStateReason) {
    }

    record ServiceEvent(String id, Instant createdAt, String message) {
    }

    /** Where awsvpc (Fargate) tasks run: their subnets and security groups, and whether each gets a public IP. */
    record TaskNetwork(List<String> subnets, List<String> securityGroups, boolean publicIp) {
    }

    /** @param network the awsvpc configuration its tasks get, or null when it has none (EC2's bridge mode) */
    record Service(String arn, String name, String status, String taskDefinitionArn, String launchType,
                   int desired, int running, int pending, List<Deployment> deployments, List<ServiceEvent> events,
                   List<String> targetGroupArns, TaskNetwork network) {
        public Service(String arn, String name, String status, String taskDefinitionArn, String launchType,
                       int desired, int running, int pending, List<Deployment> deployments, List<ServiceEvent> events,
                       List<String> targetGroupArns) {
            this(arn, name, status, taskDefinitionArn, launchType, desired, running, pending, deployments, events,
                    targetGroupArns, null);
        }
    }

    /** What creating a service needs; subnets/securityGroups/publicIp only for awsvpc (Fargate). */
    record ServiceSpec(String cluster, String name, String taskDefinitionArn, String launchType, int desiredCount,
                       String targetGroupArn, String containerName, int containerPort, List<String> subnets,
                       List<String> securityGroups, int healthCheckGracePeriodSeconds, Map<String, String> tags,
                       boolean publicIp) {
        public ServiceSpec(String cluster, String name, String taskDefinitionArn, String launchType, int desiredCount,
                           String targetGroupArn, String containerName, int containerPort, List<String> subnets,
                           List<String> securityGroups, int healthCheckGracePeriodSeconds, Map<String, String> tags) {
            this(cluster, name, taskDefinitionArn, launchType, desiredCount, targetGroupArn, containerName, containerPort,
                    subnets, securityGroups, healthCheckGracePeriodSeconds, tags, true);
        }
    }

    /**
     * @param address the task's own IP (awsvpc), or null
     * @param hostPorts the host ports its containers publish (bridge), in the order listed
     */
    record Task(String arn, String lastStatus, String desiredStatus, String stoppedReason,
                List<ContainerState> containers, String taskDefinitionArn, String address, List<Integer> hostPorts,
                String containerInstanceArn) {
    }

    record ContainerState(String name, String lastStatus, Integer exitCode, String reason) {
    }

    /** Whether the cluster exists and is ACTIVE. */
    boolean clusterExists(String cluster);

    int containerInstanceCount(String cluster);

    /** The cluster's container instances, with free and total CPU and memory. */
    List<ContainerInstances.ContainerInstance> containerInstances(String cluster);

    /** Registers the rendered definition with these tags (cleanup finds revisions by them). */
    TaskDefinition registerTaskDefinition(TaskDefinitionDocument definition, Map<String, String> tags);

    /** The latest ACTIVE revision of a family, if any. */
    Optional<TaskDefinition> latestActiveTaskDefinition(String family);

    Optional<TaskDefinition> describeTaskDefinition(String arnOrFamilyRevision);

    /** The service if it exists and is ACTIVE (INACTIVE ones are deleted ones). */
    Optional<Service> describeService(String cluster, String name);

    /** The ACTIVE services among the given names, in one call. */
    List<Service> describeServices(String cluster, List<String> names);

    Service createService(ServiceSpec spec);

    /** Points the service at a revision and/or a count; null leaves that part as it is. */
    default Service updateService(String cluster, String name, String taskDefinitionArn, Integer desiredCount) {
        return updateService(cluster, name, taskDefinitionArn, desiredCount, null);
    }

    /** Also moves its tasks to another awsvpc network (a new deployment, as a new revision is); null leaves it. */
    Service updateService(String cluster, String name, String taskDefinitionArn, Integer desiredCount, TaskNetwork network);

    /** Why the service's recently stopped tasks stopped ("task abc: Essential container exited"). */
    List<String> stoppedTaskReasons(String cluster, String serviceName, int max);

    /**
     * @param publicIp    whether a Fargate task gets a public IP (in public subnets) or not (in private ones)
     * @param environment overrides for the container named, as RunTask's containerOverrides; empty for none
     */
    Task runTask(String cluster, String taskDefinitionArn, String launchType, List<String> subnets,
                 List<String> securityGroups, boolean publicIp, Map<String, String> tags, String containerName,
                 Map<String, String> environment);

    Optional<Task> describeTask(String cluster, String taskArn);

    /** The service's tasks that are meant to run (desired status RUNNING). */
    List<Task> serviceTasks(String cluster, String serviceName);
}
