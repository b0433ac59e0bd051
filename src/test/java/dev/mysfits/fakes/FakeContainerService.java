package dev.mysfits.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.aws.ecs.ContainerInstances;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.template.TaskDefinitionDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory ECS for workflow tests: task-definition families and revisions, services whose deployments complete at
 * once (each task RUNNING at its own address), and every mutating call listed, so a test can say "nothing changed".
 * Services behind a target group register their tasks with the {@link FakeLoadBalancerRouter} as healthy targets.
 */
public final class FakeContainerService implements ContainerService {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<String> mutations = new ArrayList<>();
    public final Map<String, List<TaskDefinition>> families = new LinkedHashMap<>();
    public final Map<String, Service> services = new LinkedHashMap<>();
    public final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    /** Tasks runTask started: each is PROVISIONING when started and RUNNING once described. */
    public final List<Task> oneOffs = new ArrayList<>();
    private final FakeLoadBalancerRouter router;
    private int deployments;

    public FakeContainerService(FakeLoadBalancerRouter router) {
        this.router = router;
    }

    @Override
    public boolean clusterExists(String cluster) {
        return true;
    }

    @Override
    public int containerInstanceCount(String cluster) {
        return 0;
    }

    @Override
    public List<ContainerInstances.ContainerInstance> containerInstances(String cluster) {
        return List.of();
    }

    @Override
    public TaskDefinition registerTaskDefinition(TaskDefinitionDocument definition, Map<String, String> tagMap) {
        List<TaskDefinition> revisions = families.computeIfAbsent(definition.family(), f -> new ArrayList<>());
        int revision = revisions.size() + 1;
        String arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/" + definition.family() + ":" + revision;
        JsonNode described;
        try {
            described = JSON.readTree(definition.json());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) described).put("status", "ACTIVE");
        TaskDefinition registered = new TaskDefinition(arn, definition.family(), revision,
                definition.containerDefinitions().stream().map(TaskDefinitionDocument.Container::image).toList(), described);
        revisions.add(registered);
        tags.put(arn, tagMap);
        mutations.add("register " + definition.family() + ":" + revision);
        return registered;
    }

    @Override
    public Optional<TaskDefinition> latestActiveTaskDefinition(String family) {
        List<TaskDefinition> revisions = families.getOrDefault(family, List.of());
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    @Override
    public Optional<TaskDefinition> describeTaskDefinition(String arnOrFamilyRevision) {
        return families.values().stream().flatMap(List::stream)
                .filter(t -> t.arn().equals(arnOrFamilyRevision) || t.arn().endsWith("/" + arnOrFamilyRevision)).findFirst();
    }

    @Override
    public Optional<Service> describeService(String cluster, String name) {
        return Optional.ofNullable(services.get(name));
    }

    @Override
    public List<Service> describeServices(String cluster, List<String> names) {
        return names.stream().map(services::get).filter(s -> s != null).toList();
    }

    @Override
    public Service createService(ServiceSpec spec) {
        mutations.add("create service " + spec.name());
        tags.put(spec.name(), spec.tags());
        Service service = settled(spec.name(), spec.taskDefinitionArn(), spec.launchType(), spec.desiredCount(),
                spec.targetGroupArn() == null ? List.of() : List.of(spec.targetGroupArn()),
                "FARGATE".equals(spec.launchType()) ? new TaskNetwork(spec.subnets(), spec.securityGroups(), spec.publicIp()) : null,
                spec.strategy(), spec.trafficShift());
        if (spec.strategy().shiftsTraffic()) {
            mutations.set(mutations.size() - 1, "create service " + spec.name() + " " + spec.strategy().kind().label());
        }
        services.put(spec.name(), service);
        return service;
    }

    @Override
    public Service updateService(String cluster, String name, String taskDefinitionArn, Integer desiredCount,
                                 TaskNetwork network, Rollout rollout) {
        Service old = services.get(name);
        mutations.add("update service " + name + (taskDefinitionArn == null ? "" : " to " + taskDefinitionArn)
                + (desiredCount == null ? "" : " count " + desiredCount)
                + (network == null ? "" : " network " + String.join(",", network.subnets()) + (network.publicIp() ? " public IP" : " no public IP"))
                + (rollout == null ? "" : " strategy " + rollout.strategy().kind().label()));
        Service service = settled(name, taskDefinitionArn != null ? taskDefinitionArn : old.taskDefinitionArn(), old.launchType(),
                desiredCount != null ? desiredCount : old.desired(), old.targetGroupArns(), network != null ? network : old.network(),
                rollout != null ? rollout.strategy() : old.strategy(), rollout != null ? rollout.trafficShift() : old.trafficShift());
        services.put(name, service);
        return service;
    }

    /** A service whose new deployment completed at once: ECS's end state, which the rollout watcher waits for. */
    private Service settled(String name, String taskDefinitionArn, String launchType, int desired, List<String> targetGroups,
                            TaskNetwork network, dev.mysfits.core.DeploymentStrategy strategy, TrafficShift shift) {
        Deployment primary = new Deployment("ecs-svc/" + (++deployments), "PRIMARY", taskDefinitionArn, desired, desired, 0,
                "COMPLETED", "ECS deployment completed.");
        targetGroups.forEach(group -> router.registerHealthy(group, desired));
        recordDeployment(name, taskDefinitionArn, desired);
        return new Service("arn:aws:ecs:us-east-1:123456789012:service/cluster/" + name, name, "ACTIVE", taskDefinitionArn,
                launchType, desired, desired, 0, List.of(primary), List.of(), targetGroups, network, strategy, shift, null);
    }

    @Override
    public Task runTask(String cluster, String taskDefinitionArn, String launchType, List<String> subnets,
                        List<String> securityGroups, boolean publicIp, Map<String, String> tagMap, String containerName,
                        Map<String, String> environment) {
        mutations.add("run task " + taskDefinitionArn + (publicIp ? "" : " in " + String.join(",", subnets) + " without a public IP"));
        Task task = new Task("arn:aws:ecs:us-east-1:123456789012:task/cluster/one-off-" + (oneOffs.size() + 1), "PROVISIONING",
                "RUNNING", null, List.of(), taskDefinitionArn, null, List.of(), null);
        oneOffs.add(task);
        return task;
    }

    @Override
    public List<String> stoppedTaskReasons(String cluster, String serviceName, int max) {
        return List.of();
    }

    @Override
    public Optional<Task> describeTask(String cluster, String taskArn) {
        for (Task task : oneOffs) {
            if (task.arn().equals(taskArn)) {
                return Optional.of(new Task(task.arn(), "RUNNING", "RUNNING", null, List.of(), task.taskDefinitionArn(), null,
                        List.of(), null));
            }
        }
        return serviceTasks(cluster, null).stream().filter(t -> t.arn().equals(taskArn)).findFirst();
    }

    @Override
    public List<Task> serviceTasks(String cluster, String serviceName) {
        List<Task> tasks = new ArrayList<>();
        services.values().stream().filter(s -> serviceName == null || s.name().equals(serviceName)).forEach(s -> {
            for (int i = 1; i <= s.running(); i++) {
                tasks.add(new Task("arn:aws:ecs:us-east-1:123456789012:task/cluster/" + s.name() + "-" + i, "RUNNING", "RUNNING",
                        null, List.of(new ContainerState(s.name(), "RUNNING", null, null)), s.taskDefinitionArn(),
                        "10.0.0." + i, List.of(), null));
            }
        });
        return tasks;
    }

    /** Each fake deployment is one SUCCESSFUL service deployment of a new service revision, newest first. */
    private final Map<String, List<ServiceDeployment>> history = new java.util.HashMap<>();
    private final Map<String, ServiceRevision> revisions = new java.util.HashMap<>();

    private void recordDeployment(String service, String taskDefinitionArn, int desired) {
        List<ServiceDeployment> deployed = history.computeIfAbsent(service, k -> new ArrayList<>());
        String revision = "arn:aws:ecs:us-east-1:123456789012:service-revision/cluster/" + service + "/" + (revisions.size() + 1);
        revisions.put(revision, new ServiceRevision(revision, taskDefinitionArn, java.time.Instant.now(), List.of()));
        List<RevisionShare> sources = deployed.isEmpty() ? List.of() : List.of(deployed.get(0).target());
        deployed.add(0, new ServiceDeployment("arn:aws:ecs:us-east-1:123456789012:service-deployment/cluster/" + service
                + "/d" + (deployed.size() + 1), "SUCCESSFUL", null, null, java.time.Instant.now(), java.time.Instant.now(),
                java.time.Instant.now(), java.time.Instant.now(), new RevisionShare(revision, desired, desired, 0, null, null),
                sources, dev.mysfits.core.DeploymentStrategy.ROLLING, null, null));
    }

    @Override
    public List<ServiceDeployment> serviceDeployments(String cluster, String serviceName) {
        return List.copyOf(history.getOrDefault(serviceName, List.of()));
    }

    @Override
    public List<ServiceRevision> serviceRevisions(List<String> serviceRevisionArns) {
        return serviceRevisionArns.stream().distinct().map(revisions::get).filter(r -> r != null).toList();
    }

    @Override
    public Optional<ServiceDeployment> serviceDeployment(String serviceDeploymentArn) {
        return history.values().stream().flatMap(List::stream).filter(d -> d.arn().equals(serviceDeploymentArn)).findFirst();
    }

    @Override
    public void stopServiceDeployment(String serviceDeploymentArn, boolean rollback) {
        mutations.add("stop service deployment " + serviceDeploymentArn + (rollback ? " with rollback" : ""));
    }
}
