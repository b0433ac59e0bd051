package dev.mysfits.docker;

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

    @Override
    public boolean imageExists(String reference) {
        return images.contains(reference);
    }

    @Override
    public Optional<ContainerState> find(String name) {
        return Optional.ofNullable(containers.get(name));
    }

    @Override
    public ContainerState start(ContainerSpec spec) {
        started.add(spec);
        ContainerState state = new ContainerState("id" + nextId++, spec.name(), spec.image(), statusAfterStart,
                "running".equals(statusAfterStart) ? null : 1, List.of(spec.hostPort()));
        containers.put(spec.name(), state);
        return state;
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
