package dev.mysfits.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.WaitContainerCondition;
import com.github.dockerjava.api.model.WaitResponse;
import dev.mysfits.core.MysfitsException;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs containers through docker-java; every call is bounded by a timeout. */
public final class DockerContainerRunner implements ContainerRunner {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final int STOP_GRACE_SECONDS = 5;
    // `up` waits on health: check every second, and let a slow first start (a database initialising) not count.
    private static final Duration HEALTH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration HEALTH_START_PERIOD = Duration.ofSeconds(120);

    private final DockerClient docker;
    private final DockerCalls calls;

    public DockerContainerRunner(DockerClient docker, String dockerHost) {
        this.docker = docker;
        this.calls = new DockerCalls(dockerHost);
    }

    @Override
    public Optional<String> imageId(String reference) {
        return calls.call("image inspect " + reference, QUICK, () -> {
            try {
                return Optional.ofNullable(docker.inspectImageCmd(reference).exec().getId());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void ensureNetwork(String name, Map<String, String> labels) {
        calls.run("network create " + name, QUICK, () -> {
            boolean exists = docker.listNetworksCmd().withNameFilter(name).exec().stream().anyMatch(n -> name.equals(n.getName()));
            if (!exists) {
                docker.createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels).withCheckDuplicate(true).exec();
            }
        });
    }

    @Override
    public boolean removeNetwork(String name) {
        return calls.call("network rm " + name, QUICK, () -> {
            try {
                docker.removeNetworkCmd(name).exec();
                return true;
            } catch (NotFoundException gone) {
                return false;
            }
        });
    }

    @Override
    public boolean ensureVolume(String name, Map<String, String> labels) {
        return calls.call("volume create " + name, QUICK, () -> {
            try {
                docker.inspectVolumeCmd(name).exec();
                return false;
            } catch (NotFoundException missing) {
                docker.createVolumeCmd().withName(name).withLabels(labels).exec();
                return true;
            }
        });
    }

    @Override
    public Optional<ContainerState> find(String name) {
        return calls.call("container inspect " + name, QUICK, () -> {
            try {
                return Optional.of(state(docker.inspectContainerCmd(name).exec()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private String create(ContainerSpec spec, boolean autoRemove) {
        ExposedPort exposed = spec.containerPort() > 0 ? ExposedPort.tcp(spec.containerPort()) : null;
        List<String> env = new ArrayList<>();
        spec.environment().forEach((k, v) -> env.add(k + "=" + v));
        HostConfig host = HostConfig.newHostConfig().withAutoRemove(autoRemove);
        if (spec.container().hostNetwork()) {
            host.withNetworkMode("host");
        } else {
            if (spec.hostPort() > 0 && exposed != null) {
                host.withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("0.0.0.0", spec.hostPort()), exposed));
            }
            if (spec.network() != null) {
                host.withNetworkMode(spec.network());
            }
        }
        if (spec.container().memoryBytes() > 0) {
            // Without swap as well, a limit of 128MB would still let the container use 256MB (memory + swap).
            host.withMemory(spec.container().memoryBytes()).withMemorySwap(spec.container().memoryBytes());
        }
        if (!spec.mounts().isEmpty()) {
            List<Mount> mounts = new ArrayList<>();
            for (ContainerSpec.Mount m : spec.mounts()) {
                mounts.add(m.volume() != null
                        ? new Mount().withType(MountType.VOLUME).withSource(m.volume()).withTarget(m.target()).withReadOnly(m.readOnly())
                        : new Mount().withType(MountType.BIND).withSource(m.hostPath()).withTarget(m.target()).withReadOnly(m.readOnly()));
            }
            host.withMounts(mounts);
        }
        return calls.call("create container " + spec.name(), QUICK, () -> {
            CreateContainerCmd create = docker.createContainerCmd(spec.image())
                    .withName(spec.name())
                    .withEnv(env)
                    .withLabels(spec.labels())
                    .withHostConfig(host);
            if (exposed != null) {
                create.withExposedPorts(exposed);
            }
            if (!spec.container().command().isEmpty()) {
                create.withCmd(spec.container().command());
            }
            if (spec.network() != null && !spec.container().hostNetwork() && !spec.aliases().isEmpty()) {
                create.withAliases(spec.aliases());
            }
            if (!spec.container().healthCommand().isEmpty()) {
                List<String> test = new ArrayList<>();
                test.add("CMD");
                test.addAll(spec.container().healthCommand());
                create.withHealthcheck(new HealthCheck().withTest(test)
                        .withInterval(HEALTH_INTERVAL.toNanos()).withTimeout(HEALTH_TIMEOUT.toNanos())
                        .withRetries(3).withStartPeriod(HEALTH_START_PERIOD.toNanos()));
            }
            return create.exec().getId();
        });
    }

    @Override
    public ContainerState start(ContainerSpec spec) {
        String id = create(spec, false);
        try {
            calls.run("start container " + spec.name(), QUICK, () -> docker.startContainerCmd(id).exec());
        } catch (MysfitsException e) {
            removeQuietly(id);
            if (portTaken(e)) {
                throw MysfitsException.usage("cannot publish host port " + spec.hostPort() + ": it is already in use",
                        "pass --port with a free port, or stop what uses " + spec.hostPort());
            }
            if (e.hint() == null) {
                throw new MysfitsException(e.exitCode(), e.getMessage(), "the engine could not start the image's command: "
                        + "check the service's \"command\" in the workshop file, and try the image by hand with docker run --rm "
                        + spec.image(), e);
            }
            throw e;
        }
        return calls.call("container inspect " + spec.name(), QUICK, () -> state(docker.inspectContainerCmd(id).exec()));
    }

    @Override
    public int runToExit(ContainerSpec spec, Consumer<String> output) {
        String id = create(spec, true);
        // Both streams open before the start, as the docker CLI does: a container that exits at once is removed at
        // once (auto-remove), and neither its output nor its exit code could be read after that.
        ExitCallback exit = docker.waitContainerCmd(id).withCondition(WaitContainerCondition.REMOVED).exec(new ExitCallback());
        LogCallback attached = docker.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                .withLogs(true).exec(new LogCallback(output));
        try {
            awaitStarted(exit, attached);
            calls.run("start container " + spec.name(), QUICK, () -> docker.startContainerCmd(id).exec());
        } catch (MysfitsException e) {
            DockerCalls.closeQuietly(attached);
            DockerCalls.closeQuietly(exit);
            removeQuietly(id);
            throw new MysfitsException(e.exitCode(), e.getMessage(), e.hint() != null ? e.hint()
                    : "the engine could not start the image's command: check the command given after the image", e);
        }
        awaitFollowing(spec.name(), attached);
        try {
            exit.awaitCompletion();
        } catch (InterruptedException e) {
            DockerCalls.closeQuietly(exit);
            Thread.currentThread().interrupt();
            throw new MysfitsException(dev.mysfits.core.ExitCode.INTERRUPTED, "stopped waiting for " + spec.name()
                    + "; the engine removes it when it exits", null, e);
        }
        if (exit.code == null) {
            throw DockerErrors.wrap("wait for container " + spec.name(), calls.host(),
                    exit.failure() == null ? new IllegalStateException("the engine gave no exit code") : exit.failure());
        }
        return exit.code;
    }

    /** Until the daemon answered both requests' headers: from then on it has the wait and the attachment. */
    private static void awaitStarted(StreamCallback<?>... callbacks) {
        for (StreamCallback<?> callback : callbacks) {
            try {
                if (!callback.awaitStarted(QUICK.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw MysfitsException.failed("the Docker engine did not answer within " + QUICK.toSeconds() + " s",
                            "check the engine with docker info, then run the same command again", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MysfitsException(dev.mysfits.core.ExitCode.INTERRUPTED, "interrupted before the container started", null, e);
            }
        }
    }

    @Override
    public boolean remove(String name) {
        Optional<ContainerState> existing = find(name);
        if (existing.isEmpty()) {
            return false;
        }
        String id = existing.get().id();
        calls.run("stop container " + name, STOP, () -> {
            try {
                docker.stopContainerCmd(id).withTimeout(STOP_GRACE_SECONDS).exec();
            } catch (NotModifiedException alreadyStopped) {
                // nothing to stop
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        });
        calls.run("remove container " + name, QUICK, () -> {
            try {
                // Anonymous volumes go with it, as with `docker run --rm`; named volumes (the data) stay.
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        });
        return true;
    }

    @Override
    public void logs(String name, LogQuery query, Consumer<String> sink) {
        Integer tail = query.tail();
        Integer since = null;
        while (true) {
            LogCallback callback = new LogCallback(sink);
            LogContainerCmd command = docker.logContainerCmd(name).withStdOut(true).withStdErr(true)
                    .withFollowStream(query.follow());
            if (tail != null) {
                command.withTail(tail);
            } else {
                command.withTailAll();
            }
            if (since != null) {
                command.withSince(since);
            }
            try {
                command.exec(callback);
            } catch (RuntimeException e) {
                throw notFoundOr("logs " + name, e);
            }
            if (query.follow()) {
                awaitFollowing(name, callback);
            } else {
                calls.awaitCompletion("logs " + name, query.timeout(), callback);
            }
            Throwable failure = callback.failure();
            if (failure == null) {
                return;
            }
            // The transport's read timeout fires after minutes of silence; a follow just reconnects.
            if (query.follow() && isReadTimeout(failure) && find(name).map(ContainerState::running).orElse(false)) {
                tail = 0;
                since = (int) Instant.now().getEpochSecond();
                continue;
            }
            throw notFoundOr("logs " + name, failure);
        }
    }

    private void awaitFollowing(String name, LogCallback callback) {
        try {
            callback.awaitCompletion();
        } catch (RuntimeException streamFailed) {
            // kept by the callback; judged by the caller
        } catch (InterruptedException e) {
            DockerCalls.closeQuietly(callback);
            Thread.currentThread().interrupt();
            throw new MysfitsException(dev.mysfits.core.ExitCode.INTERRUPTED, "stopped following the logs of " + name, null, e);
        }
    }

    private MysfitsException notFoundOr(String what, Throwable failure) {
        if (failure instanceof NotFoundException) {
            return MysfitsException.precondition("docker " + what + ": no such container", "start it with mysfits run <service>");
        }
        return DockerErrors.wrap(what, calls.host(), failure);
    }

    private static boolean isReadTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean portTaken(MysfitsException e) {
        Throwable cause = e.getCause() instanceof ExecutionException ? e.getCause().getCause() : e.getCause();
        String message = cause instanceof DockerException ? String.valueOf(cause.getMessage()) : String.valueOf(e.getMessage());
        return message.contains("port is already allocated") || message.contains("address already in use");
    }

    private void removeQuietly(String id) {
        try {
            calls.run("remove container " + id, QUICK, () -> docker.removeContainerCmd(id).withForce(true).exec());
        } catch (MysfitsException ignored) {
            // the start failure is what the user needs to see
        }
    }

    private static ContainerState state(InspectContainerResponse response) {
        List<Integer> hostPorts = new ArrayList<>();
        if (response.getHostConfig() != null && response.getHostConfig().getPortBindings() != null) {
            for (Map.Entry<ExposedPort, Ports.Binding[]> binding : response.getHostConfig().getPortBindings().getBindings().entrySet()) {
                if (binding.getValue() == null) {
                    continue;
                }
                for (Ports.Binding b : binding.getValue()) {
                    if (b.getHostPortSpec() != null && b.getHostPortSpec().matches("\\d+")) {
                        hostPorts.add(Integer.parseInt(b.getHostPortSpec()));
                    }
                }
            }
        }
        var state = response.getState();
        String status = state == null ? "unknown" : state.getStatus();
        Integer exitCode = state == null || state.getExitCodeLong() == null || "running".equals(status)
                ? null : state.getExitCodeLong().intValue();
        String name = response.getName() == null ? "" : response.getName().replaceFirst("^/", "");
        String health = state == null || state.getHealth() == null ? null : state.getHealth().getStatus();
        var config = response.getConfig();
        return new ContainerState(response.getId(), name, config == null ? "" : config.getImage(),
                status, exitCode, hostPorts, health, config == null ? Map.of() : config.getLabels());
    }

    private static final class ExitCallback extends StreamCallback<WaitResponse> {
        private volatile Integer code;

        @Override
        public void onNext(WaitResponse response) {
            code = response.getStatusCode();
        }
    }

    private static final class LogCallback extends StreamCallback<Frame> {
        private final Consumer<String> sink;

        LogCallback(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public void onNext(Frame frame) {
            sink.accept(new String(frame.getPayload(), StandardCharsets.UTF_8));
        }
    }
}
