package dev.mysfits.aws.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.core.DeploymentStrategy;
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

    /**
     * The load balancer pieces ECS shifts traffic with, for a strategy other than ROLLING.
     *
     * @param testListenerRuleArn the rule test traffic reaches the new revision by, or null for none
     * @param roleArn             the role ECS changes the listener rules with
     */
    record TrafficShift(String alternateTargetGroupArn, String productionListenerRuleArn, String testListenerRuleArn,
                        String roleArn) {
    }

    /**
     * @param network                  the awsvpc configuration its tasks get, or null when it has none (EC2's bridge mode)
     * @param strategy                 how it rolls out a new revision
     * @param trafficShift             the second target group and rules of a strategy other than ROLLING, else null
     * @param currentServiceDeployment the ARN of its service deployment now, or null when ECS names none
     */
    record Service(String arn, String name, String status, String taskDefinitionArn, String launchType,
                   int desired, int running, int pending, List<Deployment> deployments, List<ServiceEvent> events,
                   List<String> targetGroupArns, TaskNetwork network, DeploymentStrategy strategy,
                   TrafficShift trafficShift, String currentServiceDeployment) {
        public Service(String arn, String name, String status, String taskDefinitionArn, String launchType,
                       int desired, int running, int pending, List<Deployment> deployments, List<ServiceEvent> events,
                       List<String> targetGroupArns, TaskNetwork network) {
            this(arn, name, status, taskDefinitionArn, launchType, desired, running, pending, deployments, events,
                    targetGroupArns, network, DeploymentStrategy.ROLLING, null, null);
        }

        public Service(String arn, String name, String status, String taskDefinitionArn, String launchType,
                       int desired, int running, int pending, List<Deployment> deployments, List<ServiceEvent> events,
                       List<String> targetGroupArns) {
            this(arn, name, status, taskDefinitionArn, launchType, desired, running, pending, deployments, events,
                    targetGroupArns, null);
        }
    }

    /**
     * One service revision's part in a service deployment.
     *
     * @param productionWeight the share of production traffic ECS asked for it (0-100), or null when ECS shifts none
     * @param testWeight       the share of test traffic, or null
     */
    record RevisionShare(String revisionArn, int requested, int running, int pending, Double productionWeight,
                         Double testWeight) {
    }

    /**
     * One deployment of a service as ECS keeps it in the service's history (ListServiceDeployments).
     *
     * @param status              PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, STOP_REQUESTED, ROLLBACK_REQUESTED,
     *                            ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL or ROLLBACK_FAILED
     * @param lifecycleStage      where a deployment is (SCALE_UP, PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME...), or null
     * @param target              the revision it deploys
     * @param sources             the revisions it replaces
     * @param strategy            how it rolls out, as it was asked
     * @param rollbackReason      why it was rolled back, or null
     * @param rollbackRevisionArn the revision the rollback returned to, or null
     */
    record ServiceDeployment(String arn, String status, String statusReason, String lifecycleStage, Instant createdAt,
                             Instant startedAt, Instant finishedAt, Instant updatedAt, RevisionShare target,
                             List<RevisionShare> sources, DeploymentStrategy strategy, String rollbackReason,
                             String rollbackRevisionArn) {
        public boolean inProgress() {
            return status != null && List.of("PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED",
                    "ROLLBACK_IN_PROGRESS").contains(status);
        }
    }

    /** A container image as a service revision pinned it; digest is null when ECS resolved none. */
    record ContainerImage(String containerName, String image, String digest) {
    }

    /** What a service ran in one deployment: its task definition and the images ECS resolved for it. */
    record ServiceRevision(String arn, String taskDefinitionArn, Instant createdAt, List<ContainerImage> images) {
    }

    /**
     * What creating a service needs; subnets/securityGroups/publicIp only for awsvpc (Fargate).
     *
     * @param strategy     how it rolls out new revisions
     * @param trafficShift the second target group and rules of a strategy other than ROLLING, else null
     */
    record ServiceSpec(String cluster, String name, String taskDefinitionArn, String launchType, int desiredCount,
                       String targetGroupArn, String containerName, int containerPort, List<String> subnets,
                       List<String> securityGroups, int healthCheckGracePeriodSeconds, Map<String, String> tags,
                       boolean publicIp, DeploymentStrategy strategy, TrafficShift trafficShift) {
        public ServiceSpec(String cluster, String name, String taskDefinitionArn, String launchType, int desiredCount,
                           String targetGroupArn, String containerName, int containerPort, List<String> subnets,
                           List<String> securityGroups, int healthCheckGracePeriodSeconds, Map<String, String> tags,
                           boolean publicIp) {
            this(cluster, name, taskDefinitionArn, launchType, desiredCount, targetGroupArn, containerName, containerPort,
                    subnets, securityGroups, healthCheckGracePeriodSeconds, tags, publicIp, DeploymentStrategy.ROLLING, null);
        }

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
    default Service updateService(String cluster, String name, String taskDefinitionArn, Integer desiredCount,
                                  TaskNetwork network) {
        return updateService(cluster, name, taskDefinitionArn, desiredCount, network, null);
    }

    /**
     * How a service rolls out and the load balancer it does it behind, as UpdateService sets them together.
     *
     * @param trafficShift null for ROLLING
     */
    record Rollout(DeploymentStrategy strategy, TrafficShift trafficShift, String targetGroupArn, String containerName,
                   int containerPort) {
    }

    /** Also changes how it rolls out (its strategy and load balancer pieces); a null rollout leaves them. */
    Service updateService(String cluster, String name, String taskDefinitionArn, Integer desiredCount, TaskNetwork network,
                          Rollout rollout);

    /** One service deployment by its ARN, described, if ECS knows it. */
    Optional<ServiceDeployment> serviceDeployment(String serviceDeploymentArn);

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

    /** The service's deployments as ECS keeps them, newest first, each described. */
    List<ServiceDeployment> serviceDeployments(String cluster, String serviceName);

    /** The service revisions of these ARNs (from {@link ServiceDeployment}s), in any order. */
    List<ServiceRevision> serviceRevisions(List<String> serviceRevisionArns);

    /** Stops a service deployment in progress: rolled back to the revision before it, or left where it is. */
    void stopServiceDeployment(String serviceDeploymentArn, boolean rollback);
}
