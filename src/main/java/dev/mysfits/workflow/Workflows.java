package dev.mysfits.workflow;

import dev.mysfits.aws.AwsAdapters;
import dev.mysfits.aws.ProfileRegion;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.Sleeper;
import dev.mysfits.core.WaitProgress;
import dev.mysfits.docker.DockerAdapters;
import dev.mysfits.git.GitSourceRevision;
import dev.mysfits.lab.LabLoader;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.net.HttpHealthProbe;
import dev.mysfits.net.JdkHttpRequester;
import dev.mysfits.net.SocketHostPorts;
import dev.mysfits.template.TaskDefinitionRenderer;
import dev.mysfits.template.TemplatePlaceholders;
import dev.mysfits.workflow.autoscale.AutoscaleWorkflow;
import dev.mysfits.workflow.cleanup.CleanupWorkflow;
import dev.mysfits.workflow.cleanup.LocalCleanupWorkflow;
import dev.mysfits.workflow.cleanup.RetryPolicy;
import dev.mysfits.workflow.codebuild.BuildspecWorkflow;
import dev.mysfits.workflow.codebuild.CodeBuildWorkflow;
import dev.mysfits.workflow.deploy.DeployPreview;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import dev.mysfits.workflow.deploy.TaskDefinitionRegistration;
import dev.mysfits.workflow.diff.DiffWorkflow;
import dev.mysfits.workflow.image.BuildWorkflow;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.infrastructure.SetupAdapters;
import dev.mysfits.workflow.init.InitWorkflow;
import dev.mysfits.workflow.inventory.ImagesWorkflow;
import dev.mysfits.workflow.inventory.PsWorkflow;
import dev.mysfits.workflow.lab.AwsResourceLookup;
import dev.mysfits.workflow.lab.ContainerProbes;
import dev.mysfits.workflow.lab.FileProbes;
import dev.mysfits.workflow.lab.HttpProbes;
import dev.mysfits.workflow.lab.ImageProbes;
import dev.mysfits.workflow.lab.LabCheckWorkflow;
import dev.mysfits.workflow.lab.CommandRunner;
import dev.mysfits.workflow.lab.LabRunWorkflow;
import dev.mysfits.workflow.lab.LabsWorkflow;
import dev.mysfits.workflow.lab.LocalContainerLookup;
import dev.mysfits.workflow.lab.LogProbes;
import dev.mysfits.workflow.lab.Probes;
import dev.mysfits.workflow.lab.ResourceProbes;
import dev.mysfits.workflow.lab.ServiceProbes;
import dev.mysfits.workflow.lab.TaggedLeftovers;
import dev.mysfits.workflow.local.DownWorkflow;
import dev.mysfits.workflow.local.EcrPullLogin;
import dev.mysfits.workflow.local.FollowLogsWorkflow;
import dev.mysfits.workflow.local.LocalLogsWorkflow;
import dev.mysfits.workflow.local.RunImageWorkflow;
import dev.mysfits.workflow.local.RunLocalWorkflow;
import dev.mysfits.workflow.local.StopLocalWorkflow;
import dev.mysfits.workflow.local.UpWorkflow;
import dev.mysfits.workflow.logs.CloudLogsWorkflow;
import dev.mysfits.workflow.push.PushWorkflow;
import dev.mysfits.workflow.revisions.RevisionsWorkflow;
import dev.mysfits.workflow.rollback.RollbackWorkflow;
import dev.mysfits.workflow.rollout.RolloutWatcher;
import dev.mysfits.workflow.scale.ScaleWorkflow;
import dev.mysfits.workflow.setup.SetupWorkflow;
import dev.mysfits.workflow.status.StatusWorkflow;
import dev.mysfits.workflow.task.ListTasksWorkflow;
import dev.mysfits.workflow.task.RunTaskWorkflow;
import dev.mysfits.workflow.task.StopTasksWorkflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
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

    // ---- revisions and rollback ----

    public RevisionsWorkflow revisions() {
        ServiceAdapters adapters = serviceAdapters();
        return new RevisionsWorkflow(adapters.containers(), adapters.infrastructure(), events);
    }

    /** Goes back through deploy's own rollout watcher. */
    public RollbackWorkflow rollback() {
        ServiceAdapters adapters = serviceAdapters();
        return new RollbackWorkflow(adapters.containers(), adapters.router(), adapters.infrastructure(), events,
                rolloutWatcher(adapters), Clock.systemUTC(), Sleeper.system());
    }

    // ---- diff: what deploy would change ----

    /** Deploy's own plan (its steps, planned as a dry run plans them) beside the revision and settings that run. */
    public DiffWorkflow diff() {
        ServiceAdapters adapters = serviceAdapters();
        return new DiffWorkflow(new DeployPreview(adapters, ledger.get(), events, rolloutWatcher(adapters)), adapters.containers(), events);
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

    // ---- local Docker, images and builds ----

    public BuildWorkflow build() {
        return new BuildWorkflow(docker().imageBuilder(), new GitSourceRevision(), events, System::nanoTime);
    }

    public PushWorkflow push() {
        return new PushWorkflow(events, ledger.get(), aws().imageRegistry(), docker().imagePusher());
    }

    public RunLocalWorkflow runLocal() {
        return new RunLocalWorkflow(docker().containerRunner(), new SocketHostPorts(), new HttpHealthProbe(), events,
                Sleeper.system(), System::nanoTime);
    }

    public RunImageWorkflow runImage() {
        return new RunImageWorkflow(docker().containerRunner(), docker().imagePuller(), new EcrPullLogin(() -> aws().imageRegistry()),
                events, () -> "mysfits-run-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }

    public UpWorkflow up() {
        return new UpWorkflow(docker().containerRunner(), docker().imagePuller(), new EcrPullLogin(() -> aws().imageRegistry()),
                new SocketHostPorts(), new HttpHealthProbe(), events, Sleeper.system(), System::nanoTime);
    }

    public DownWorkflow down() {
        return new DownWorkflow(docker().containerRunner(), events);
    }

    public StopLocalWorkflow stopLocal() {
        return new StopLocalWorkflow(docker().containerRunner(), events);
    }

    public LocalLogsWorkflow localLogs() {
        return new LocalLogsWorkflow(docker().containerRunner(), events);
    }

    public FollowLogsWorkflow followLogs() {
        return new FollowLogsWorkflow(docker().containerRunner(), events);
    }

    public CloudLogsWorkflow cloudLogs() {
        return new CloudLogsWorkflow(aws().logReader(), events, Clock.systemUTC(), Sleeper.system());
    }

    public PsWorkflow ps() {
        return new PsWorkflow(docker().localInventory());
    }

    public ImagesWorkflow images() {
        return new ImagesWorkflow(docker().localInventory(), aws().repositoryImages());
    }

    public CodeBuildWorkflow codeBuild() {
        AwsAdapters aws = aws();
        return new CodeBuildWorkflow(aws.roles(), aws.buildProjects(), aws.identity(), aws.region(), ledger.get(),
                new GitSourceRevision(), events, Sleeper.system(), aws.logReader(), aws.repositoryImages(), Clock.systemUTC());
    }

    public BuildspecWorkflow buildspec() {
        return new BuildspecWorkflow(new GitSourceRevision(), events);
    }

    public InitWorkflow init() {
        return new InitWorkflow(events, confirmation);
    }

    /**
     * The training run for the launcher's class-data archive (`train-class-data`): loads the classes every real
     * command needs (SDK clients, signing and HTTP, docker-java's transport, the template renderer) by building all
     * clients against an address that refuses at once, calling each, and rendering a sample task definition. Talks to
     * nothing real and changes nothing.
     */
    public static void trainClassData() {
        String nowhere = "http://127.0.0.1:1";
        GlobalSettings settings = new GlobalSettings("us-east-1", null, false, nowhere, false, false,
                OutputFormat.TEXT, null, null, null);
        Environment environment = new Environment(Map.of("AWS_ACCESS_KEY_ID", "training", "AWS_SECRET_ACCESS_KEY", "training"),
                Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
        try (AwsAdapters aws = new AwsAdapters(settings, environment, WaitProgress.NONE)) {
            aws.warmUp();
        }
        try (DockerAdapters docker = new DockerAdapters("tcp://127.0.0.1:1", null)) {
            docker.warmUp();
        }
        try {
            Path template = Files.createTempFile("mysfits-training", ".json");
            try {
                Files.writeString(template, """
                        {"family": "${FAMILY}", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                         "cpu": "256", "memory": "512",
                         "containerDefinitions": [{"name": "app", "image": "${IMAGE}", "essential": true,
                           "portMappings": [{"containerPort": ${CONTAINER_PORT}, "protocol": "tcp"}]}]}
                        """);
                Map<String, String> values = new HashMap<>();
                TemplatePlaceholders.ALL.forEach(name -> values.put(name, "x"));
                values.put(TemplatePlaceholders.CONTAINER_PORT, "80");
                new TaskDefinitionRenderer(AwsAdapters.taskDefinitionSchema()).render(template, "fargate", values);
            } finally {
                Files.deleteIfExists(template);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample task definition for training", e);
        }
    }

    // ---- labs ----

    public LabsWorkflow labs() {
        return new LabsWorkflow(new LabLoader());
    }

    /** `lab run`: each step's commands through the runner the cli gives, then the step's check as lab check does it. */
    public LabRunWorkflow labRun(CommandRunner commands) {
        return new LabRunWorkflow(commands, labCheck(), events);
    }

    /**
     * `lab check`: each kind of probe reads through the adapters the other commands use, made on first use, so a lab
     * that checks only files needs neither AWS nor Docker. The lab names its own workshop, so its ledger is read
     * from that workshop's directory.
     */
    public LabCheckWorkflow labCheck() {
        Function<WorkshopConfig, Ledger> ledgerOf = w -> new Ledger(Ledger.defaultFile(w.directory()), Clock.systemUTC());
        Probes probes = new Probes(
                new HttpProbes(new JdkHttpRequester(), w -> ServiceAdapters.from(aws(), w, ledgerOf.apply(w)).infrastructure(),
                        (w, service) -> LocalContainerLookup.publishedPort(docker().containerRunner(), w, service)),
                new ServiceProbes(() -> aws().containers()),
                new ImageProbes(() -> aws().repositoryImages(), () -> docker().localInventory()),
                new ContainerProbes(() -> docker().containerRunner()),
                new LogProbes(() -> aws().logReader(), () -> docker().containerRunner(), Clock.systemUTC()),
                new ResourceProbes(new AwsResourceLookup(() -> SetupAdapters.of(aws()), () -> aws().containers(), () -> aws().router()),
                        new TaggedLeftovers(() -> aws().taggedResources(), ledgerOf, () -> aws().region())),
                new FileProbes());
        return new LabCheckWorkflow(probes, events, Clock.systemUTC());
    }

    // ---- settings, --stats, and the end of the command ----

    /** The region a profile names in the AWS config file, read as the AWS CLI reads it: for the global options. */
    public static Optional<String> profileRegion(Environment environment, String profile) {
        return ProfileRegion.of(environment, profile);
    }


    /** The AWS API calls made so far, for --stats: total, by operation, and retries; none when AWS was not used. */
    public synchronized ApiCalls apiCalls() {
        if (aws == null) {
            return new ApiCalls(0, Map.of(), 0);
        }
        return new ApiCalls(aws.callCounter().total(), aws.callCounter().byOperation(), aws.callCounter().retries());
    }

    public record ApiCalls(int total, Map<String, Integer> byOperation, int retries) {
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

    private synchronized AwsAdapters aws() {
        if (aws == null) {
            aws = new AwsAdapters(settings, environment, events);
        }
        return aws;
    }

    private synchronized DockerAdapters docker() {
        if (docker == null) {
            docker = new DockerAdapters(settings.dockerHost(), settings.dockerConfig());
        }
        return docker;
    }
}
