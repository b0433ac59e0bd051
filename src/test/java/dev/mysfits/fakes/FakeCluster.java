package dev.mysfits.fakes;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.ecr.PushedImages;
import dev.mysfits.aws.ecs.EcsTaskDefinitionSchema;
import dev.mysfits.config.TaskRoleConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.console.Console;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.template.TaskDefinitionRenderer;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.infrastructure.SetupLookup;
import dev.mysfits.workflow.rollout.RolloutWatcher;
import dev.mysfits.workflow.setup.SetupRequest;
import dev.mysfits.workflow.setup.SetupWorkflow;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The repository's own workshop (mysfits.json: monolith and like), set up on {@link FakeAws}, with fake ECS, ALB
 * routing and ECR behind the adapters deploy, scale and status take. Images are "pushed" by giving a digest.
 */
public final class FakeCluster {
    public static final String ACCOUNT = "123456789012";

    public final FakeAws aws = new FakeAws();
    public final FakeLoadBalancerRouter router = new FakeLoadBalancerRouter();
    public final FakeContainerService containers = new FakeContainerService(router);
    public final Map<String, String> digests = new HashMap<>();
    public final WorkshopConfig workshop;
    public final Ledger ledger;
    public final StringWriter err = new StringWriter();
    public final Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false, false,
            OutputFormat.TEXT, System::currentTimeMillis);

    public FakeCluster(Path ledgerDirectory) {
        workshop = new WorkshopConfigLoader().load(Path.of("mysfits.json").toAbsolutePath());
        ledger = new Ledger(ledgerDirectory.resolve("ledger.json"), Clock.systemUTC());
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, TaskRoleConfig> taskRoles = new LinkedHashMap<>();
        workshop.services().forEach((name, service) -> {
            ports.put(name, service.containerPort());
            if (service.taskRole() != null) {
                taskRoles.put(name, service.taskRole());
            }
        });
        new SetupWorkflow(new ConsoleEvents(console), aws.adapters(), ledger, "us-east-1")
                .execute(new SetupRequest(new ResourceNames(workshop.name()), ports, null, null, null, false, null,
                        taskRoles, workshop.tablesInOrder()));
        aws.mutations.clear();
    }

    /** As if the service's image was pushed: latest now points at this digest. */
    public FakeCluster pushed(String service, String digest) {
        digests.put(workshop.service(service).repository(), digest);
        return this;
    }

    public ServiceAdapters adapters() {
        TaskDefinitionRenderer renderer = new TaskDefinitionRenderer(new EcsTaskDefinitionSchema(), workshop.directory());
        PushedImages images = (repository, tag) -> new PushedImages.PushedImage(repository, tag,
                ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/" + repository, digests.containsKey(repository),
                "latest".equals(tag) ? digests.get(repository) : null);
        return new ServiceAdapters(containers, router, images, () -> ACCOUNT,
                () -> new SetupLookup(aws.adapters(), new ResourceNames(workshop.name()), "us-east-1")
                        .find(workshop.services().keySet()),
                renderer::render, aws.adapters().roles(), aws.adapters().logGroups(), aws.adapters().network());
    }

    /** A rollout watcher on this cluster that never sleeps, as deploy and scale take it. */
    public RolloutWatcher rollout() {
        return new RolloutWatcher(containers, router, new ConsoleEvents(console), Clock.systemUTC(), d -> { });
    }
}
