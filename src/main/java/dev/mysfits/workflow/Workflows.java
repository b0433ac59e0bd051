package dev.mysfits.workflow;

import dev.mysfits.aws.AwsAdapters;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.Sleeper;
import dev.mysfits.docker.DockerAdapters;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.cleanup.CleanupWorkflow;
import dev.mysfits.workflow.cleanup.LocalCleanupWorkflow;
import dev.mysfits.workflow.autoscale.AutoscaleWorkflow;
import dev.mysfits.workflow.cleanup.RetryPolicy;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import dev.mysfits.workflow.deploy.TaskDefinitionRegistration;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.infrastructure.SetupAdapters;
import dev.mysfits.workflow.rollout.RolloutWatcher;
import dev.mysfits.workflow.scale.ScaleWorkflow;
import dev.mysfits.workflow.setup.SetupWorkflow;
import dev.mysfits.workflow.status.StatusWorkflow;
import dev.mysfits.workflow.task.ListTasksWorkflow;
import dev.mysfits.workflow.task.RunTaskWorkflow;
import dev.mysfits.workflow.task.StopTasksWorkflow;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one place that wires: each method returns one workflow with its adapters, its events and its clock. The AWS
 * and Docker adapters are built on first use, once per command, so a command that needs no AWS makes no client.
 * Commands parse, build a request, and call {@code workflows.x().execute(request)}; none of them names an adapter.
 */
public final class Workflows implements AutoCloseable {
    private final GlobalSettings settings;
    private final Environment environment;
    private final Events events;
    private final Confirmation confirmation;
    private final Supplier<WorkshopConfig> workshop;
    private final Supplier<Ledger> ledger;
    private AwsAdapters aws;
    private DockerAdapters docker;

    /**
     * @param workshop the workshop file, read when a workflow first needs it
     * @param ledger   the workshop's ledger, likewise
     */
    public Workflows(GlobalSettings settings, Environment environment, Events events, Confirmation confirmation,
                     Supplier<WorkshopConfig> workshop, Supplier<Ledger> ledger) {
        this.settings = settings;
        this.environment = environment;
        this.events = events;
        this.confirmation = confirmation;
        this.workshop = workshop;
        this.ledger = ledger;
    }

    // ---- the AWS account: setup and cleanup ----

    public SetupWorkflow setup() {
        return new SetupWorkflow(events, SetupAdapters.of(aws()), ledger.get(), aws().region());
    }

    public CleanupWorkflow cleanup() {
        return new CleanupWorkflow(events, ledger.get(), aws().taggedResources(), aws().deleter(Duration.ofMinutes(5)),
                confirmation, RetryPolicy.standard(), Sleeper.system(), aws().region());
    }

    public LocalCleanupWorkflow localCleanup() {
        return new LocalCleanupWorkflow(events, docker().localResources(), confirmation);
    }

    // ---- services on ECS ----

    public DeployWorkflow deploy() {
        ServiceAdapters adapters = serviceAdapters();
        return new DeployWorkflow(adapters, ledger.get(), events, rolloutWatcher(adapters));
    }

    public ScaleWorkflow scale() {
        ServiceAdapters adapters = serviceAdapters();
        return new ScaleWorkflow(adapters.containers(), adapters.infrastructure(), events, rolloutWatcher(adapters));
    }

    public StatusWorkflow status() {
        ServiceAdapters adapters = serviceAdapters();
        return new StatusWorkflow(adapters.containers(), adapters.router(), adapters.infrastructure());
    }

    /** Registers the service's revision as deploy does (only that half of it), then runs one task of it. */
    public RunTaskWorkflow runTask() {
        ServiceAdapters adapters = serviceAdapters();
        TaskDefinitionRegistration registration = new TaskDefinitionRegistration(adapters, ledger.get(), events);
        return new RunTaskWorkflow(adapters.containers(), adapters.infrastructure(), adapters.network(),
                (workshop, service, launchType, tag) -> registration.register(DeployRequest.taskDefinitionOnly(workshop, service, launchType, tag)),
                events, Clock.systemUTC(), Sleeper.system());
    }

    public ListTasksWorkflow listTasks() {
        return new ListTasksWorkflow(aws().clusterTasks(), serviceAdapters().infrastructure(), events);
    }

    public StopTasksWorkflow stopTasks() {
        return new StopTasksWorkflow(aws().clusterTasks(), serviceAdapters().infrastructure(), events, Clock.systemUTC(),
                Sleeper.system());
    }

    public AutoscaleWorkflow autoscale() {
        return new AutoscaleWorkflow(aws().serviceScaler(), ledger.get(), events, aws().region());
    }

    private ServiceAdapters serviceAdapters() {
        return ServiceAdapters.from(aws(), workshop.get(), ledger.get());
    }

    private RolloutWatcher rolloutWatcher(ServiceAdapters adapters) {
        return new RolloutWatcher(adapters.containers(), adapters.router(), events, Clock.systemUTC(), Sleeper.system());
    }

    // ---- what --stats reports, and the end of the command ----

    /** The AWS API calls made so far, for --stats: total, by operation, and retries; none when AWS was not used. */
    public synchronized ApiCalls apiCalls() {
        if (aws == null) {
            return new ApiCalls(0, java.util.Map.of(), 0);
        }
        return new ApiCalls(aws.callCounter().total(), aws.callCounter().byOperation(), aws.callCounter().retries());
    }

    public record ApiCalls(int total, java.util.Map<String, Integer> byOperation, int retries) {
    }

    @Override
    public synchronized void close() {
        if (aws != null) {
            aws.close();
        }
        if (docker != null) {
            docker.close();
        }
    }

    /** Only until the last command goes through a method above (issue 21); then private. */
    public synchronized AwsAdapters aws() {
        if (aws == null) {
            aws = new AwsAdapters(settings, environment, events);
        }
        return aws;
    }

    /** Only until the last command goes through a method above (issue 21); then private. */
    public synchronized DockerAdapters docker() {
        if (docker == null) {
            docker = new DockerAdapters(settings.dockerHost(), settings.dockerConfig());
        }
        return docker;
    }
}
