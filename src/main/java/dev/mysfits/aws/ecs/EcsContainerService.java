package dev.mysfits.aws.ecs;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.AwsRetryPolicy;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.SdkJson;
import dev.mysfits.aws.TransientErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.template.TaskDefinitionDocument;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LinearConfiguration;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ContainerService} on the ECS API. */
public final class EcsContainerService implements ContainerService {
    private final EcsClient ecs;
    /** The same client without the SDK's retries: for calls whose repeats mysfits looks before making. */
    private final EcsClient singleAttempt;
    private final Eventually eventually;
    private final EcsTaskDefinitionSchema schema = new EcsTaskDefinitionSchema();

    /**
     * How long a deleted service may stay DRAINING: its tasks drain from the load balancer (up to the target group's
     * deregistration delay, at most an hour by mysfits' config) and stop.
     */
    static final java.time.Duration DRAINING = java.time.Duration.ofMinutes(10);

    public EcsContainerService(EcsClient ecs, EcsClient singleAttempt, Eventually eventually) {
        this.ecs = ecs;
        this.singleAttempt = singleAttempt;
        this.eventually = eventually;
    }

    @Override
    public boolean clusterExists(String cluster) {
        return cluster(cluster).isPresent();
    }

    @Override
    public int containerInstanceCount(String cluster) {
        return cluster(cluster).map(Cluster::registeredContainerInstancesCount).orElse(0);
    }

    private Optional<Cluster> cluster(String cluster) {
        try {
            return ecs.describeClusters(r -> r.clusters(cluster)).clusters().stream()
                    .filter(c -> "ACTIVE".equals(c.status()))
                    .findFirst();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe cluster " + cluster, e);
        }
    }

    @Override
    public TaskDefinition registerTaskDefinition(TaskDefinitionDocument definition, Map<String, String> tags) {
        RegisterTaskDefinitionRequest request = schema.toRequest(definition.json()).toBuilder()
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build();
        try {
            Optional<Integer> before = latestRevision(request.family());
            return AwsRetryPolicy.lookBeforeRetrying(() -> toRecord(singleAttempt.registerTaskDefinition(request).taskDefinition()),
                    () -> latestRevision(request.family()).filter(r -> before.map(b -> r > b).orElse(true))
                            .map(r -> toRecord(ecs.describeTaskDefinition(d -> d.taskDefinition(request.family() + ":" + r)).taskDefinition())));
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs register task definition " + request.family(), e);
        }
    }

    @Override
    public Optional<TaskDefinition> latestActiveTaskDefinition(String family) {
        // Without a revision, DescribeTaskDefinition answers the family's latest ACTIVE revision.
        return describeTaskDefinition(family).filter(t -> "ACTIVE".equals(t.definition().path("status").asText()));
    }

    @Override
    public Optional<TaskDefinition> describeTaskDefinition(String arnOrFamilyRevision) {
        try {
            return Optional.of(toRecord(ecs.describeTaskDefinition(r -> r.taskDefinition(arnOrFamilyRevision)).taskDefinition()));
        } catch (ClientException notFound) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe task definition " + arnOrFamilyRevision, e);
        }
    }

    private static TaskDefinition toRecord(software.amazon.awssdk.services.ecs.model.TaskDefinition t) {
        return new TaskDefinition(t.taskDefinitionArn(), t.family(), t.revision(),
                t.containerDefinitions().stream().map(ContainerDefinition::image).toList(), SdkJson.toJson(t));
    }

    @Override
    public Optional<Service> describeService(String cluster, String name) {
        return describeServices(cluster, List.of(name)).stream().findFirst();
    }

    @Override
    public List<Service> describeServices(String cluster, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<Service> services = new ArrayList<>();
        try {
            // DescribeServices takes at most 10 names per call.
            for (int i = 0; i < names.size(); i += 10) {
                List<String> batch = names.subList(i, Math.min(names.size(), i + 10));
                ecs.describeServices(r -> r.cluster(cluster).services(batch)).services().stream()
                        .filter(s -> "ACTIVE".equals(s.status()))
                        .map(EcsContainerService::toRecord)
                        .forEach(services::add);
            }
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe services " + String.join(",", names) + " in cluster " + cluster, e);
        }
        return services;
    }

    /** The family's newest ACTIVE revision, if it has one. */
    private Optional<Integer> latestRevision(String family) {
        var arns = ecs.listTaskDefinitions(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE)
                .sort(SortOrder.DESC).maxResults(10)).taskDefinitionArns();
        return arns.stream().filter(a -> a.contains("/" + family + ":"))
                .map(a -> Integer.parseInt(a.substring(a.lastIndexOf(':') + 1))).max(Integer::compare);
    }

    @Override
    public Service createService(ServiceSpec spec) {
        boolean fargate = "FARGATE".equals(spec.launchType());
        CreateServiceRequest.Builder request = CreateServiceRequest.builder()
                .cluster(spec.cluster())
                .serviceName(spec.name())
                .taskDefinition(spec.taskDefinitionArn())
                .launchType(spec.launchType())
                .desiredCount(spec.desiredCount())
                .loadBalancers(loadBalancer(spec.targetGroupArn(), spec.containerName(), spec.containerPort(),
                        spec.trafficShift()))
                .healthCheckGracePeriodSeconds(spec.healthCheckGracePeriodSeconds())
                .deploymentConfiguration(deploymentConfiguration(spec.strategy()))
                .tags(tags(spec.tags()))
                // The same token on every attempt: a repeat after a lost answer is the same request to ECS.
                .clientToken(java.util.UUID.randomUUID().toString());
        if (fargate) {
            request.networkConfiguration(awsvpc(spec.subnets(), spec.securityGroups(), spec.publicIp()));
        }
        CreateServiceRequest create = request.build();
        try {
            // Deploy made the route before the service; ECS may not yet have heard of it, of its service-linked
            // role (a fresh account), or of the roles the service uses. And a service of this name deleted moments
            // ago (a cleanup, or by hand) keeps the name until it is INACTIVE.
            String group = spec.targetGroupArn().replaceAll("^.*:targetgroup/([^/]+)/.*$", "$1");
            Service created = eventually.call("the old service " + spec.name() + " to finish draining", DRAINING,
                    e -> TransientErrors.SERVICE_NAME_NOT_FREE.test(e) && "DRAINING".equals(status(spec.cluster(), spec.name())),
                    () -> toRecord(eventually.call("the route to target group " + group + " and the roles of service "
                                    + spec.name() + " to reach ECS", Eventually.PROPAGATION,
                            TransientErrors.anyOf(TransientErrors.ROUTE_NOT_YET_KNOWN_TO_ECS, TransientErrors.SERVICE_LINKED_ROLE,
                                    TransientErrors.ROLE_NOT_YET_USABLE),
                            () -> ecs.createService(create)).service()));
            // DescribeServices answers MISSING for a new service a moment; what follows reads it.
            return eventually.until("service " + spec.name() + " to show in ECS", Eventually.PROPAGATION,
                    () -> describeService(spec.cluster(), spec.name()),
                    found -> found.filter(s -> s.arn().equals(created.arn())).isPresent(),
                    found -> "DescribeServices still answers MISSING for it").orElseThrow();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs create service " + spec.name() + " in cluster " + spec.cluster(), e);
        }
    }

    /** The service's status (ACTIVE, DRAINING, INACTIVE), or null when ECS does not show it. */
    private String status(String cluster, String name) {
        return ecs.describeServices(r -> r.cluster(cluster).services(name)).services().stream()
                .map(software.amazon.awssdk.services.ecs.model.Service::status).findFirst().orElse(null);
    }

    private static LoadBalancer loadBalancer(String targetGroupArn, String containerName, int containerPort,
                                             TrafficShift shift) {
        LoadBalancer.Builder balancer = LoadBalancer.builder().targetGroupArn(targetGroupArn).containerName(containerName)
                .containerPort(containerPort);
        if (shift != null) {
            balancer.advancedConfiguration(a -> a.alternateTargetGroupArn(shift.alternateTargetGroupArn())
                    .productionListenerRule(shift.productionListenerRuleArn()).testListenerRule(shift.testListenerRuleArn())
                    .roleArn(shift.roleArn()));
        }
        return balancer.build();
    }

    /**
     * The circuit breaker with rollback always; a rolling update keeps every task serving (100-200%). The other
     * strategies name their timings, and roll back on the alarms given.
     */
    static DeploymentConfiguration deploymentConfiguration(DeploymentStrategy strategy) {
        DeploymentConfiguration.Builder configuration = DeploymentConfiguration.builder()
                .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))
                .minimumHealthyPercent(100).maximumPercent(200);
        if (!strategy.shiftsTraffic()) {
            return configuration.build();
        }
        configuration.strategy(strategy.kind().name()).bakeTimeInMinutes(strategy.bakeMinutes());
        if (strategy.kind() == DeploymentStrategy.Kind.CANARY) {
            configuration.canaryConfiguration(c -> c.canaryPercent(strategy.canaryPercent())
                    .canaryBakeTimeInMinutes(strategy.canaryBakeMinutes()));
        }
        if (strategy.kind() == DeploymentStrategy.Kind.LINEAR) {
            configuration.linearConfiguration(l -> l.stepPercent(strategy.linearStepPercent())
                    .stepBakeTimeInMinutes(strategy.linearStepBakeMinutes()));
        }
        if (!strategy.alarmNames().isEmpty()) {
            configuration.alarms(a -> a.alarmNames(strategy.alarmNames()).enable(true).rollback(true));
        }
        return configuration.build();
    }

    @Override
    public Optional<ServiceDeployment> serviceDeployment(String serviceDeploymentArn) {
        try {
            return ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(serviceDeploymentArn)).serviceDeployments()
                    .stream().findFirst().map(EcsContainerService::toRecord);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe service deployment " + serviceDeploymentArn, e);
        }
    }

    @Override
    public Service updateService(String cluster, String name, String taskDefinitionArn, Integer desiredCount,
                                 TaskNetwork network, Rollout rollout) {
        UpdateServiceRequest.Builder request = UpdateServiceRequest.builder().cluster(cluster).service(name);
        if (rollout != null) {
            request.deploymentConfiguration(deploymentConfiguration(rollout.strategy()))
                    .loadBalancers(loadBalancer(rollout.targetGroupArn(), rollout.containerName(), rollout.containerPort(),
                            rollout.trafficShift()));
        }
        if (network != null) {
            request.networkConfiguration(awsvpc(network.subnets(), network.securityGroups(), network.publicIp()));
        }
        if (taskDefinitionArn != null) {
            request.taskDefinition(taskDefinitionArn);
        }
        if (desiredCount != null) {
            request.desiredCount(desiredCount);
        }
        try {
            return toRecord(ecs.updateService(request.build()).service());
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs update service " + name + " in cluster " + cluster, e);
        }
    }

    @Override
    public List<String> stoppedTaskReasons(String cluster, String serviceName, int max) {
        try {
            List<String> arns = ecs.listTasks(r -> r.cluster(cluster).serviceName(serviceName)
                    .desiredStatus(DesiredStatus.STOPPED).maxResults(max)).taskArns();
            if (arns.isEmpty()) {
                return List.of();
            }
            return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks().stream()
                    .map(t -> "task " + shortId(t.taskArn()) + ": " + (t.stoppedReason() == null ? "stopped" : t.stoppedReason())
                            + t.containers().stream().filter(c -> c.reason() != null || (c.exitCode() != null && c.exitCode() != 0))
                            .map(c -> "; " + c.name() + ": " + (c.reason() != null ? c.reason() : "exit code " + c.exitCode()))
                            .reduce("", String::concat))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs list stopped tasks of service " + serviceName, e);
        }
    }

    @Override
    public Task runTask(String cluster, String taskDefinitionArn, String launchType, List<String> subnets,
                        List<String> securityGroups, boolean publicIp, Map<String, String> tags, String containerName,
                        Map<String, String> environment) {
        try {
            var response = eventually.call("IAM roles of " + shortDefinition(taskDefinitionArn) + " to reach ECS",
                    Eventually.PROPAGATION, TransientErrors.ROLE_NOT_YET_USABLE, () -> ecs.runTask(r -> {
                r.cluster(cluster).taskDefinition(taskDefinitionArn).launchType(launchType).count(1)
                        .startedBy("mysfits").tags(tags(tags));
                if (!environment.isEmpty()) {
                    r.overrides(o -> o.containerOverrides(software.amazon.awssdk.services.ecs.model.ContainerOverride.builder()
                            .name(containerName).environment(environment.entrySet().stream()
                            .map(e -> software.amazon.awssdk.services.ecs.model.KeyValuePair.builder().name(e.getKey())
                                    .value(e.getValue()).build()).toList()).build()));
                }
                if (LaunchType.FARGATE.toString().equals(launchType)) {
                    r.networkConfiguration(awsvpc(subnets, securityGroups, publicIp));
                }
            }));
            if (response.tasks().isEmpty()) {
                String why = response.failures().stream().map(f -> f.reason() + (f.detail() == null ? "" : " (" + f.detail() + ")"))
                        .reduce((a, b) -> a + "; " + b).orElse("no task was started");
                throw dev.mysfits.core.MysfitsException.failed("ecs run task " + taskDefinitionArn + ": " + why,
                        "check the cluster's capacity (mysfits status) and the task definition", null);
            }
            return toRecord(response.tasks().get(0));
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs run task " + taskDefinitionArn + " in cluster " + cluster, e);
        }
    }

    /** "like:3" of a task definition's ARN. */
    private static String shortDefinition(String taskDefinitionArn) {
        return taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
    }

    @Override
    public Optional<Task> describeTask(String cluster, String taskArn) {
        try {
            return ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks().stream()
                    .findFirst().map(EcsContainerService::toRecord);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe task " + taskArn, e);
        }
    }

    @Override
    public List<ContainerInstances.ContainerInstance> containerInstances(String cluster) {
        return ContainerInstances.list(ecs, cluster);
    }

    @Override
    public List<Task> serviceTasks(String cluster, String serviceName) {
        try {
            List<String> arns = new ArrayList<>();
            ecs.listTasksPaginator(r -> r.cluster(cluster).serviceName(serviceName).desiredStatus(DesiredStatus.RUNNING))
                    .taskArns().forEach(arns::add);
            // DescribeTasks takes at most 100 tasks per call.
            return inBatches(arns, 100, batch -> ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks().stream()
                    .map(EcsContainerService::toRecord).toList());
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs list tasks of service " + serviceName, e);
        }
    }

    /**
     * Public subnets (the default VPC's, no NAT) need a public IP to pull from ECR; private ones reach it through a
     * NAT gateway or endpoints, without one.
     */
    private static NetworkConfiguration awsvpc(List<String> subnets, List<String> securityGroups, boolean publicIp) {
        return NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                .subnets(subnets).securityGroups(securityGroups)
                .assignPublicIp(publicIp ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED).build()).build();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static Service toRecord(software.amazon.awssdk.services.ecs.model.Service s) {
        return new Service(s.serviceArn(), s.serviceName(), s.status(), s.taskDefinition(), s.launchTypeAsString(),
                nz(s.desiredCount()), nz(s.runningCount()), nz(s.pendingCount()),
                s.deployments().stream().map(d -> new Deployment(d.id(), d.status(), d.taskDefinition(),
                        nz(d.desiredCount()), nz(d.runningCount()), nz(d.pendingCount()),
                        d.rolloutStateAsString(), d.rolloutStateReason())).toList(),
                s.events().stream().map(e -> new ServiceEvent(e.id(), e.createdAt(), e.message())).toList(),
                s.loadBalancers().stream().map(LoadBalancer::targetGroupArn).toList(), network(s.networkConfiguration()),
                strategy(s.deploymentConfiguration()), trafficShift(s.loadBalancers()), s.currentServiceDeployment());
    }

    /** Our record of ECS's deployment configuration; a service without one rolls. */
    static DeploymentStrategy strategy(DeploymentConfiguration configuration) {
        if (configuration == null || configuration.strategy() == null
                || configuration.strategy() == software.amazon.awssdk.services.ecs.model.DeploymentStrategy.UNKNOWN_TO_SDK_VERSION) {
            return DeploymentStrategy.ROLLING;
        }
        DeploymentStrategy.Kind kind = DeploymentStrategy.Kind.parse(configuration.strategyAsString());
        if (kind == null || kind == DeploymentStrategy.Kind.ROLLING) {
            return DeploymentStrategy.ROLLING;
        }
        CanaryConfiguration canary = configuration.canaryConfiguration();
        LinearConfiguration linear = configuration.linearConfiguration();
        List<String> alarms = configuration.alarms() == null || !Boolean.TRUE.equals(configuration.alarms().enable())
                ? List.of() : configuration.alarms().alarmNames();
        return new DeploymentStrategy(kind, nz(configuration.bakeTimeInMinutes()),
                canary == null ? null : canary.canaryPercent(), canary == null ? null : canary.canaryBakeTimeInMinutes(),
                linear == null ? null : linear.stepPercent(), linear == null ? null : linear.stepBakeTimeInMinutes(), alarms);
    }

    private static TrafficShift trafficShift(List<LoadBalancer> loadBalancers) {
        return loadBalancers.stream().map(LoadBalancer::advancedConfiguration).filter(a -> a != null)
                .map(a -> new TrafficShift(a.alternateTargetGroupArn(), a.productionListenerRule(), a.testListenerRule(),
                        a.roleArn()))
                .findFirst().orElse(null);
    }

    // ------------------------------------------------------------ service deployments and revisions

    /** One describe call per batch of at most {@code size} ARNs, their answers in order. */
    private static <T> List<T> inBatches(List<String> arns, int size, java.util.function.Function<List<String>, List<T>> describe) {
        List<T> all = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += size) {
            all.addAll(describe.apply(arns.subList(i, Math.min(arns.size(), i + size))));
        }
        return all;
    }

    /** DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs a call. */
    private static final int DESCRIBE_BATCH = 20;

    @Override
    public List<ServiceDeployment> serviceDeployments(String cluster, String serviceName) {
        try {
            List<String> arns = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                ListServiceDeploymentsResponse page = ecs.listServiceDeployments(r -> r.cluster(cluster)
                        .service(serviceName).nextToken(next));
                page.serviceDeployments().forEach(b -> arns.add(b.serviceDeploymentArn()));
                token = page.nextToken();
            } while (token != null);
            List<ServiceDeployment> described = new ArrayList<>(inBatches(arns, DESCRIBE_BATCH, batch ->
                    ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(batch)).serviceDeployments().stream()
                            .map(EcsContainerService::toRecord).toList()));
            described.sort(java.util.Comparator.comparing(ServiceDeployment::createdAt,
                    java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
            return described;
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs list deployments of service " + serviceName, e);
        }
    }

    @Override
    public List<ServiceRevision> serviceRevisions(List<String> serviceRevisionArns) {
        List<String> arns = serviceRevisionArns.stream().distinct().toList();
        try {
            return inBatches(arns, DESCRIBE_BATCH, batch ->
                    ecs.describeServiceRevisions(r -> r.serviceRevisionArns(batch)).serviceRevisions().stream()
                            .map(r -> new ServiceRevision(r.serviceRevisionArn(), r.taskDefinition(), r.createdAt(),
                                    r.containerImages().stream().map(c -> new ContainerImage(c.containerName(), c.image(),
                                            c.imageDigest())).toList()))
                            .toList());
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe service revisions", e);
        }
    }

    @Override
    public void stopServiceDeployment(String serviceDeploymentArn, boolean rollback) {
        try {
            ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(serviceDeploymentArn)
                    .stopType(rollback ? StopServiceDeploymentStopType.ROLLBACK : StopServiceDeploymentStopType.ABORT));
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs stop service deployment " + serviceDeploymentArn, e);
        }
    }

    @Override
    public List<String> taskDefinitionArns(String family, int max) {
        try {
            // The prefix also matches longer families ("ws-like-worker"), listed around this one's: keep this family's,
            // whose revisions come newest first, and stop once there are enough.
            List<String> arns = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                var page = ecs.listTaskDefinitions(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE)
                        .sort(SortOrder.DESC).nextToken(next));
                page.taskDefinitionArns().stream().filter(a -> a.substring(a.lastIndexOf('/') + 1).startsWith(family + ":"))
                        .forEach(arns::add);
                token = page.nextToken();
            } while (token != null && arns.size() < max);
            return arns.stream().sorted(java.util.Comparator.comparingInt(EcsContainerService::revisionOf).reversed())
                    .limit(max).toList();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs list task definitions of family " + family, e);
        }
    }

    private static int revisionOf(String taskDefinitionArn) {
        return Integer.parseInt(taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf(':') + 1));
    }

    private static ServiceDeployment toRecord(software.amazon.awssdk.services.ecs.model.ServiceDeployment d) {
        var rollback = d.rollback();
        return new ServiceDeployment(d.serviceDeploymentArn(), d.statusAsString(), d.statusReason(),
                d.lifecycleStageAsString(), d.createdAt(), d.startedAt(), d.finishedAt(), d.updatedAt(),
                share(d.targetServiceRevision()), d.sourceServiceRevisions().stream().map(EcsContainerService::share).toList(),
                strategy(d.deploymentConfiguration()), rollback == null ? null : rollback.reason(),
                rollback == null ? null : rollback.serviceRevisionArn());
    }

    private static RevisionShare share(ServiceRevisionSummary r) {
        return r == null ? null : new RevisionShare(r.arn(), nz(r.requestedTaskCount()), nz(r.runningTaskCount()),
                nz(r.pendingTaskCount()), r.requestedProductionTrafficWeight(), r.requestedTestTrafficWeight());
    }

    private static TaskNetwork network(NetworkConfiguration configuration) {
        if (configuration == null || configuration.awsvpcConfiguration() == null) {
            return null;
        }
        AwsVpcConfiguration awsvpc = configuration.awsvpcConfiguration();
        return new TaskNetwork(awsvpc.subnets(), awsvpc.securityGroups(), awsvpc.assignPublicIp() == AssignPublicIp.ENABLED);
    }

    private static Task toRecord(software.amazon.awssdk.services.ecs.model.Task t) {
        String address = t.attachments().stream().flatMap(a -> a.details().stream())
                .filter(d -> "privateIPv4Address".equals(d.name())).map(d -> d.value()).findFirst().orElse(null);
        List<Integer> hostPorts = t.containers().stream().flatMap(c -> c.networkBindings().stream())
                .map(b -> b.hostPort()).filter(p -> p != null).toList();
        return new Task(t.taskArn(), t.lastStatus(), t.desiredStatus(), t.stoppedReason(),
                t.containers().stream().map((Container c) -> new ContainerState(c.name(), c.lastStatus(), c.exitCode(), c.reason())).toList(),
                t.taskDefinitionArn(), address, hostPorts, t.containerInstanceArn());
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    static String shortId(String arn) {
        return arn == null ? "?" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
