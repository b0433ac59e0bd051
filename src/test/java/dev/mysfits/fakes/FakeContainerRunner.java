package dev.mysfits.fakes;

import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerSpec;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.docker.LogQuery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** An in-memory engine: images by reference, containers by name, a log text per container. */
public final class FakeContainerRunner implements ContainerRunner {
    public final Set<String> images = new HashSet<>();
    public final Map<String, ContainerState> containers = new LinkedHashMap<>();
    public final Map<String, String> logText = new LinkedHashMap<>();
    public final List<ContainerSpec> started = new ArrayList<>();
    public final List<String> removed = new ArrayList<>();
    public final List<LogQuery> logQueries = new ArrayList<>();
    /** The status a started container reports (e.g. "exited" to simulate a crash). */
    public String statusAfterStart = "running";
    private int nextId = 1;

    public final Set<String> networks = new HashSet<>();
    public final Set<String> volumes = new HashSet<>();
    /** The Docker health status a started container reports, when its spec has a health command. */
    public String healthAfterStart = "healthy";

    @Override
    public Optional<String> imageId(String reference) {
        return images.contains(reference) ? Optional.of("sha256:" + Integer.toHexString(reference.hashCode())) : Optional.empty();
    }

    @Override
    public void ensureNetwork(String name, Map<String, String> labels) {
        networks.add(name);
    }

    @Override
    public boolean removeNetwork(String name) {
        return networks.remove(name);
    }

    @Override
    public boolean ensureVolume(String name, Map<String, String> labels) {
        return volumes.add(name);
    }

    @Override
    public Optional<ContainerState> find(String name) {
        return Optional.ofNullable(containers.get(name));
    }

    @Override
    public ContainerState start(ContainerSpec spec) {
        started.add(spec);
        ContainerState state = new ContainerState("id" + nextId++, spec.name(), spec.image(), statusAfterStart,
                "running".equals(statusAfterStart) ? null : 1, spec.hostPort() == 0 ? List.of() : List.of(spec.hostPort()),
                spec.container().healthCommand().isEmpty() ? null : healthAfterStart, spec.labels());
        containers.put(spec.name(), state);
        return state;
    }

    /** What a container run to its end writes, and the code it exits with (runToExit). */
    public String runOutput = "";
    public int runExitCode = 0;
    public final List<ContainerSpec> ranToExit = new ArrayList<>();

    @Override
    public int runToExit(ContainerSpec spec, Consumer<String> output) {
        ranToExit.add(spec);
        output.accept(runOutput);
        return runExitCode;
    }

    @Override
    public boolean remove(String name) {
        removed.add(name);
        return containers.remove(name) != null;
    }

    @Override
    public void logs(String name, LogQuery query, Consumer<String> sink) {
        logQueries.add(query);
        sink.accept(logText.getOrDefault(name, ""));
    }
}
