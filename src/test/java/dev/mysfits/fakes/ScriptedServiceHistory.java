package dev.mysfits.fakes;

import dev.mysfits.aws.ecs.ContainerInstances;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.template.TaskDefinitionDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@link FakeContainerService} with a service history a test writes: deployments in progress, rolled back or
 * failed, which the fake (whose deployments all succeed at once) never has. Every other call goes to the fake.
 */
public final class ScriptedServiceHistory implements ContainerService {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";

    private final FakeContainerService fake;
    /** When not null, the service deployments of every service, newest first, instead of the fake's. */
    public List<ServiceDeployment> deployments;
    public final Map<String, ServiceRevision> revisions = new HashMap<>();
    /** When not null, describeService answers this instead of the fake's service. */
    public Service service;
    /** Runs after stopServiceDeployment was recorded in the fake's mutations: the test's ECS acting on it. */
    public Runnable onStop = () -> { };
    /** Turns the service updateService made into what ECS would show next (a circuit-breaker rollback). */
    public UnaryOperator<Service> afterUpdate = UnaryOperator.identity();
    /** Why the service's tasks stopped, as ECS would say; empty: the fake's (none). */
    public List<String> stoppedReasons = List.of();
    private int counter;

    public ScriptedServiceHistory(FakeContainerService fake) {
        this.fake = fake;
    }

    /** A service revision of this task definition, with these images; returns its ARN. */
    public String revision(String taskDefinitionArn, ContainerImage... images) {
        String arn = PREFIX + "service-revision/cluster/monolith/" + (900 + ++counter);
        revisions.put(arn, new ServiceRevision(arn, taskDefinitionArn, Instant.now(), List.of(images)));
        return arn;
    }

    /** A service deployment of the target revision (replacing the source one, or none). */
    public ServiceDeployment deployment(String status, String targetRevisionArn, String sourceRevisionArn, String reason) {
        return new ServiceDeployment(PREFIX + "service-deployment/cluster/monolith/s" + (++counter), status, reason, null,
                Instant.now(), Instant.now(), status.endsWith("IN_PROGRESS") ? null : Instant.now(), Instant.now(),
                new RevisionShare(targetRevisionArn, 1, 0, 1, null, null),
                sourceRevisionArn == null ? List.of() : List.of(new RevisionShare(sourceRevisionArn, 1, 1, 0, null, null)),
                DeploymentStrategy.ROLLING, null, null);
    }

    /** The same deployment with another status (ECS moving it on). */
    public static ServiceDeployment withStatus(ServiceDeployment d, String status, String reason) {
        return new ServiceDeployment(d.arn(), status, reason, d.lifecycleStage(), d.createdAt(), d.startedAt(),
                Instant.now(), Instant.now(), d.target(), d.sources(), d.strategy(), d.rollbackReason(), d.rollbackRevisionArn());
    }

    /** The fake's service with these deployments in DescribeServices (PRIMARY first). */
    public static Service withDeployments(Service s, String taskDefinitionArn, Deployment... deployments) {
        return new Service(s.arn(), s.name(), s.status(), taskDefinitionArn, s.launchType(), s.desired(), s.running(),
                s.pending(), List.of(deployments), s.events(), s.targetGroupArns(), s.network());
    }

    @Override
    public List<ServiceDeployment> serviceDeployments(String cluster, String serviceName) {
        return deployments == null ? fake.serviceDeployments(cluster, serviceName) : List.copyOf(deployments);
    }

    @Override
    public Optional<ServiceDeployment> serviceDeployment(String serviceDeploymentArn) {
        return deployments == null ? fake.serviceDeployment(serviceDeploymentArn)
                : deployments.stream().filter(d -> d.arn().equals(serviceDeploymentArn)).findFirst();
    }

    @Override
    public List<ServiceRevision> serviceRevisions(List<String> serviceRevisionArns) {
        List<ServiceRevision> found = new ArrayList<>(fake.serviceRevisions(serviceRevisionArns));
        serviceRevisionArns.stream().distinct().map(revisions::get).filter(r -> r != null).forEach(found::add);
        return found;
    }

    @Override
    public void stopServiceDeployment(String serviceDeploymentArn, boolean rollback) {
        fake.stopServiceDeployment(serviceDeploymentArn, rollback);
        onStop.run();
    }

    @Override
    public Optional<Service> describeService(String cluster, String name) {
        return service != null ? Optional.of(service) : fake.describeService(cluster, name);
    }

    @Override
    public Service updateService(String cluster, String name, String taskDefinitionArn, Integer desiredCount,
                                 TaskNetwork network, Rollout rollout) {
        // UpdateService answers with the deployment it started; DescribeServices then shows what ECS made of it.
        Service updated = fake.updateService(cluster, name, taskDefinitionArn, desiredCount, network, rollout);
        Service shown = afterUpdate.apply(updated);
        service = shown == updated ? null : shown;
        return updated;
    }

    // Everything else is the fake's.

    @Override
    public boolean clusterExists(String cluster) {
        return fake.clusterExists(cluster);
    }

    @Override
    public int containerInstanceCount(String cluster) {
        return fake.containerInstanceCount(cluster);
    }

    @Override
    public List<ContainerInstances.ContainerInstance> containerInstances(String cluster) {
        return fake.containerInstances(cluster);
    }

    @Override
    public TaskDefinition registerTaskDefinition(TaskDefinitionDocument definition, Map<String, String> tags) {
        return fake.registerTaskDefinition(definition, tags);
    }

    @Override
    public Optional<TaskDefinition> latestActiveTaskDefinition(String family) {
        return fake.latestActiveTaskDefinition(family);
    }

    @Override
    public Optional<TaskDefinition> describeTaskDefinition(String arnOrFamilyRevision) {
        return fake.describeTaskDefinition(arnOrFamilyRevision);
    }

    @Override
    public List<Service> describeServices(String cluster, List<String> names) {
        return fake.describeServices(cluster, names);
    }

    @Override
    public Service createService(ServiceSpec spec) {
        return fake.createService(spec);
    }

    @Override
    public List<String> stoppedTaskReasons(String cluster, String serviceName, int max) {
        return stoppedReasons.isEmpty() ? fake.stoppedTaskReasons(cluster, serviceName, max) : stoppedReasons;
    }

    @Override
    public Task runTask(String cluster, String taskDefinitionArn, String launchType, List<String> subnets,
                        List<String> securityGroups, boolean publicIp, Map<String, String> tags, String containerName,
                        Map<String, String> environment) {
        return fake.runTask(cluster, taskDefinitionArn, launchType, subnets, securityGroups, publicIp, tags,
                containerName, environment);
    }

    @Override
    public Optional<Task> describeTask(String cluster, String taskArn) {
        return fake.describeTask(cluster, taskArn);
    }

    @Override
    public List<Task> serviceTasks(String cluster, String serviceName) {
        return fake.serviceTasks(cluster, serviceName);
    }

    @Override
    public List<String> taskDefinitionArns(String family, int max) {
        return fake.taskDefinitionArns(family, max);
    }
}
