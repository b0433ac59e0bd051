package dev.mysfits.workflow.task;

import dev.mysfits.core.Sleeper;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.Interrupted;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.workflow.deploy.PrivateSubnetsCheck;
import dev.mysfits.workflow.deploy.RegisteredRevision;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the service's task definition once (RunTask), as the Interstella lab does, and waits until the task is
 * RUNNING or STOPPED (only STOPPED with untilStopped). Like the lab's "register, then run task", it first renders
 * the service's template as deploy does and registers a revision when the family has none or the result changed,
 * so it works before any deploy.
 */
public final class RunTaskWorkflow implements Workflow<RunTaskRequest, RunTaskResult> {
    private final ContainerService containers;
    private final InfrastructureLookup infrastructure;
    private final Network network;
    private final TaskDefinitionRegistrar registrar;
    private final Events events;
    private final Clock clock;
    private final Sleeper sleeper;

    public RunTaskWorkflow(ContainerService containers, InfrastructureLookup infrastructure, Network network,
                           TaskDefinitionRegistrar registrar, Events events, Clock clock, Sleeper sleeper) {
        this.containers = containers;
        this.infrastructure = infrastructure;
        this.network = network;
        this.registrar = registrar;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public RunTaskResult execute(RunTaskRequest request) {
        WorkshopConfig workshop = request.workshop();
        ResourceNames names = new ResourceNames(workshop.name());
        ServiceConfig config = workshop.service(request.service());
        String service = config.name();
        Infrastructure infra = infrastructure.require();
        String family = names.taskFamily(service);
        String launchType = launchType(request, config, infra, names);
        if ("EC2".equals(launchType) && containers.containerInstanceCount(infra.clusterName()) == 0) {
            throw MysfitsException.precondition("cluster " + infra.clusterName() + " has no container instances to run an EC2 task on",
                    "start some: mysfits setup --ec2, or run with --fargate");
        }
        // A "private" service's task runs where its service's tasks do: the private subnets, without a public IP.
        boolean privateTask = config.privateTasks() && "FARGATE".equals(launchType);
        if (privateTask) {
            // The template is rendered only as it is registered, below: its logging is not known yet. A task whose
            // awslogs cannot reach CloudWatch Logs stops at start, and task run reports its stop reason.
            PrivateSubnetsCheck.require(network, infra, "service " + service + " (\"private\": true)", false);
        }
        RegisteredRevision revision = registrar.register(workshop, service, launchType.toLowerCase(Locale.ROOT), request.tag());
        events.stage("Running one task of " + service);
        // Tagged like everything mysfits makes; cleanup stops every task meant to run in the workshop's cluster.
        ContainerService.Task task = containers.runTask(infra.clusterName(), revision.taskDefinitionArn(), launchType,
                privateTask ? infra.privateSubnetIds() : infra.subnetIds(), List.of(infra.tasksSecurityGroupId()), !privateTask,
                Map.of(ResourceNames.TAG_WORKSHOP, workshop.name(), ResourceNames.TAG_SERVICE, service), revision.firstContainer(),
                request.environment());
        events.note("started task " + shortId(task.arn()) + " of " + family + ":" + revision.revision() + " on " + launchType);
        Instant deadline = clock.instant().plus(request.waitTimeout());
        while (!"STOPPED".equals(task.lastStatus()) && !("RUNNING".equals(task.lastStatus()) && !request.untilStopped())) {
            if (!clock.instant().isBefore(deadline)) {
                throw MysfitsException.timeout("task " + shortId(task.arn()) + " is still " + task.lastStatus()
                        + " after " + request.waitTimeout().getSeconds() + "s", "see it with: aws ecs describe-tasks --cluster "
                        + infra.clusterName() + " --tasks " + task.arn());
            }
            events.waiting("task " + task.arn(), "task " + shortId(task.arn()) + ": " + task.lastStatus());
            try {
                sleeper.sleep(request.pollInterval());
            } catch (InterruptedException e) {
                throw new Interrupted(e);
            }
            task = containers.describeTask(infra.clusterName(), task.arn()).orElse(task);
        }
        Map<String, Integer> exitCodes = new LinkedHashMap<>();
        task.containers().forEach(c -> exitCodes.put(c.name(), c.exitCode()));
        String instance = instanceOf(infra.clusterName(), task);
        if (instance != null) {
            events.note("task " + shortId(task.arn()) + " ran on container instance " + instance);
        }
        RunTaskResult result = new RunTaskResult(service, task.arn(), revision.taskDefinitionArn(), launchType, task.lastStatus(),
                exitCodes, task.stoppedReason(), instance);
        if ("STOPPED".equals(task.lastStatus()) && task.containers().stream().anyMatch(c -> c.exitCode() == null || c.exitCode() != 0)) {
            events.note("stopped: " + task.stoppedReason() + "; exit codes " + exitCodes);
            throw new MysfitsException(ExitCode.FAILED, "task " + shortId(task.arn()) + " stopped: "
                    + (task.stoppedReason() == null ? "a container failed" : task.stoppedReason()) + ", exit codes " + exitCodes,
                    "see its logs in the log group " + names.logGroup(service));
        }
        return result;
    }

    /** The EC2 instance behind the task's container instance, or null (Fargate). */
    private String instanceOf(String cluster, ContainerService.Task task) {
        if (task.containerInstanceArn() == null) {
            return null;
        }
        return containers.containerInstances(cluster).stream().filter(i -> i.arn().equals(task.containerInstanceArn()))
                .map(dev.mysfits.aws.ecs.ContainerInstances.ContainerInstance::ec2InstanceId).findFirst()
                .orElse(task.containerInstanceArn());
    }

    /**
     * "FARGATE" or "EC2": the one asked for, else the running service's (its template is the one deploy rendered),
     * else the service's only template's, else Fargate.
     */
    private String launchType(RunTaskRequest request, ServiceConfig config, Infrastructure infra, ResourceNames names) {
        if (request.launchType() != null) {
            return request.launchType().toUpperCase(Locale.ROOT);
        }
        var existing = containers.describeService(infra.clusterName(), names.ecsService(config.name()));
        if (existing.isPresent() && existing.get().launchType() != null) {
            return existing.get().launchType();
        }
        if (config.taskDefinitions().size() == 1) {
            return config.taskDefinitions().keySet().iterator().next().toUpperCase(Locale.ROOT);
        }
        return "FARGATE";
    }

    private static String shortId(String arn) {
        return arn == null ? "?" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
