package dev.mysfits.workflow.status;

import dev.mysfits.aws.ecs.ContainerInstances;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;
import dev.mysfits.workflow.infrastructure.RoutePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the state of the workshop's services: revision, image, counts, rollout, target health and URL. */
public final class StatusWorkflow implements Workflow<StatusRequest, StatusResult> {
    private final ContainerService containers;
    private final LoadBalancerRouter router;
    private final InfrastructureLookup infrastructure;

    public StatusWorkflow(ContainerService containers, LoadBalancerRouter router, InfrastructureLookup infrastructure) {
        this.containers = containers;
        this.router = router;
        this.infrastructure = infrastructure;
    }

    @Override
    public StatusResult execute(StatusRequest request) {
        WorkshopConfig workshop = request.workshop();
        String service = request.service();
        List<String> wanted = service == null ? List.copyOf(workshop.services().keySet()) : List.of(workshop.service(service).name());
        ResourceNames names = new ResourceNames(workshop.name());
        Infrastructure infra = infrastructure.require();
        Map<String, ContainerService.Service> deployed = containers.describeServices(infra.clusterName(),
                        wanted.stream().map(names::ecsService).toList()).stream()
                .collect(Collectors.toMap(ContainerService.Service::name, Function.identity(), (a, b) -> a));
        List<LoadBalancerRouter.Rule> rules = deployed.isEmpty() ? List.of() : router.rules(infra.listenerArn());
        List<ContainerInstances.ContainerInstance> instances = containers.containerInstances(infra.clusterName());
        Map<String, String> instanceIds = new java.util.HashMap<>();
        instances.forEach(i -> instanceIds.put(i.arn(), i.ec2InstanceId()));
        List<ServiceStatus> statuses = new ArrayList<>();
        for (String name : wanted) {
            ContainerService.Service s = deployed.get(names.ecsService(name));
            if (s == null) {
                statuses.add(new ServiceStatus(name, false, null, null, List.of(), null, null, null, null, null, null, null,
                        List.of(), List.of()));
                continue;
            }
            Optional<ContainerService.TaskDefinition> definition = containers.describeTaskDefinition(s.taskDefinitionArn());
            String rollout = s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).map(ContainerService.Deployment::rolloutState)
                    .filter(r -> r != null).findFirst().orElse(null);
            if (s.deployments().size() > 1) {
                rollout = (rollout == null ? "" : rollout + ", ") + s.deployments().size() + " deployments";
            }
            List<LoadBalancerRouter.TargetHealth> health = new ArrayList<>();
            groups(s).forEach(arn -> health.addAll(router.targetHealth(arn)));
            List<ServiceStatus.TaskStatus> tasks = new ArrayList<>();
            List<LoadBalancerRouter.TargetHealth> owned = new ArrayList<>();
            for (ContainerService.Task task : containers.serviceTasks(infra.clusterName(), s.name())) {
                LoadBalancerRouter.TargetHealth target = health.stream().filter(t -> owns(task, t)).findFirst().orElse(null);
                if (target != null) {
                    owned.add(target);
                }
                tasks.add(new ServiceStatus.TaskStatus(task.arn().substring(task.arn().lastIndexOf('/') + 1), task.lastStatus(),
                        revision(task.taskDefinitionArn()), target == null ? null : target.targetId() + ":" + target.port(),
                        target == null ? null : target.state(), target == null ? null : target.description(),
                        task.containerInstanceArn() == null ? null : instanceIds.get(task.containerInstanceArn())));
            }
            List<ServiceStatus.TargetStatus> others = health.stream().filter(t -> !owned.contains(t))
                    .map(t -> new ServiceStatus.TargetStatus(t.targetId() + ":" + t.port(), t.state(), t.description())).toList();
            statuses.add(new ServiceStatus(name, true, s.launchType(), definition.map(ContainerService.TaskDefinition::revision).orElse(null),
                    definition.map(ContainerService.TaskDefinition::images).orElse(List.of()), s.desired(), s.running(), s.pending(),
                    rollout, targets(s, health), url(infra, rules, s), s.arn(), tasks, others,
                    s.strategy() == null ? "rolling" : s.strategy().kind().label(), stage(s)));
        }
        return new StatusResult(statuses, instances(statuses, instances));
    }

    /** Its target groups: a strategy other than rolling adds the second one its deployments shift traffic to. */
    private static List<String> groups(ContainerService.Service s) {
        List<String> groups = new ArrayList<>(s.targetGroupArns());
        if (s.trafficShift() != null && s.trafficShift().alternateTargetGroupArn() != null) {
            groups.add(s.trafficShift().alternateTargetGroupArn());
        }
        return groups;
    }

    /** The stage of its deployment in progress, with the new revision's share of production traffic, or null. */
    private String stage(ContainerService.Service s) {
        if (s.currentServiceDeployment() == null || s.strategy() == null || !s.strategy().shiftsTraffic()) {
            return null;
        }
        return containers.serviceDeployment(s.currentServiceDeployment())
                .filter(d -> d.inProgress() && d.lifecycleStage() != null)
                .map(d -> d.lifecycleStage() + (d.target() == null || d.target().productionWeight() == null ? ""
                        : ", new revision " + Math.round(d.target().productionWeight()) + "%"))
                .orElse(null);
    }

    /** The cluster's container instances and the tasks of these services on each. */
    private static List<ServiceStatus.InstanceStatus> instances(List<ServiceStatus> services,
                                                                List<ContainerInstances.ContainerInstance> instances) {
        Map<String, List<String>> tasksByInstance = new java.util.LinkedHashMap<>();
        for (ServiceStatus s : services) {
            for (ServiceStatus.TaskStatus t : s.tasks()) {
                if (t.instance() != null) {
                    tasksByInstance.computeIfAbsent(t.instance(), k -> new ArrayList<>()).add(s.service() + "/" + t.taskId());
                }
            }
        }
        return instances.stream().map(i -> new ServiceStatus.InstanceStatus(i.ec2InstanceId(), i.status(), i.cpuFree(),
                i.cpuTotal(), i.memoryFree(), i.memoryTotal(), tasksByInstance.getOrDefault(i.ec2InstanceId(), List.of()))).toList();
    }

    /** A task owns a target by its own address (awsvpc) or by a host port it publishes (bridge). */
    private static boolean owns(ContainerService.Task task, LoadBalancerRouter.TargetHealth target) {
        if (task.address() != null) {
            return task.address().equals(target.targetId());
        }
        return task.hostPorts().stream().anyMatch(p -> String.valueOf(p).equals(target.port()));
    }

    private static Integer revision(String taskDefinitionArn) {
        if (taskDefinitionArn == null || taskDefinitionArn.lastIndexOf(':') < 0) {
            return null;
        }
        try {
            return Integer.valueOf(taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String targets(ContainerService.Service s, List<LoadBalancerRouter.TargetHealth> health) {
        if (s.targetGroupArns().isEmpty()) {
            return null;
        }
        Map<String, Integer> counts = new TreeMap<>();
        health.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        return counts.isEmpty() ? "none registered" : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String url(Infrastructure infra, List<LoadBalancerRouter.Rule> rules, ContainerService.Service s) {
        return RoutePlan.url(infra, rules, groups(s));
    }
}
