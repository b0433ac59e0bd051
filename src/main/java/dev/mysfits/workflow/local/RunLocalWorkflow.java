package dev.mysfits.workflow.local;

import dev.mysfits.core.Sleeper;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.core.Durations;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerSpec;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.docker.LocalContainers;
import dev.mysfits.net.HealthProbe;
import dev.mysfits.net.HostPorts;
import dev.mysfits.workflow.image.ImageTags;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * `mysfits run`: like `docker run -d -p HOST:CONTAINER -e K=V --name`, then waits for the health path.
 * Everything is checked (image built, port free) before the old container is replaced, so a bad run
 * leaves the running one alone; replacing makes re-running converge on one container.
 */
public final class RunLocalWorkflow implements Workflow<RunRequest, RunResult> {

    private final ContainerRunner runner;
    private final HostPorts ports;
    private final HealthProbe probe;
    private final Events events;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    public RunLocalWorkflow(ContainerRunner runner, HostPorts ports, HealthProbe probe, Events events,
                            Sleeper sleeper, LongSupplier nanoTime) {
        this.runner = runner;
        this.ports = ports;
        this.probe = probe;
        this.events = events;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    /** Runs the container and returns once it answers; following its logs is {@link FollowLogsWorkflow}'s. */
    @Override
    public RunResult execute(RunRequest request) {
        ServiceConfig service = request.service();
        String image = request.tag() == null ? service.image() + ":latest" : ImageTags.reference(service.image(), request.tag());
        String name = LocalContainers.containerName(request.workshop(), service.name());
        int port = request.hostPort();

        if (!runner.imageExists(image)) {
            throw MysfitsException.precondition("image " + image + " does not exist on the Docker engine",
                    "run mysfits build " + service.name() + " first");
        }
        Optional<ContainerState> existing = runner.find(name);
        boolean heldByOldContainer = existing.map(c -> c.running() && c.hostPorts().contains(port)).orElse(false);
        if (!heldByOldContainer && !ports.isFree(port)) {
            throw MysfitsException.usage("host port " + port + " is already in use",
                    "pass --port with a free port, e.g. --port " + (port + 1));
        }
        events.stage("Running " + service.name() + " from " + image + " on port " + port);
        if (existing.isPresent()) {
            runner.remove(name);
            events.note("replaced the previous container " + name);
        }
        Map<String, String> environment = new LinkedHashMap<>(service.environment());
        environment.putAll(request.environment());
        ContainerState started = runner.start(new ContainerSpec(name, image, port, service.containerPort(), environment,
                LocalContainers.labels(request.workshop(), service.name())));
        events.note("started container " + name + " (" + shortId(started.id()) + ")");

        String url = "http://127.0.0.1:" + port + service.healthPath();
        new LocalHealthWait(runner, probe, events, sleeper, nanoTime).await(name, URI.create(url), request.timeout());
        RunResult result = new RunResult(service.name(), name, started.id(), image, port, url);
        events.done(service.name() + " answers on " + url);
        return result;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
