package dev.mysfits.workflow.local;

import dev.mysfits.workflow.Workflow;
import dev.mysfits.config.DependencyOrder;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.LocalContainers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * `mysfits down`: stops and removes what `up` started, dependents before what they depend on. Volumes stay, with
 * their data: removing them is `cleanup --local --volumes`, which asks first. Nothing to stop is not an error.
 */
public final class DownWorkflow implements Workflow<DownRequest, DownResult> {
    private final ContainerRunner runner;
    private final Events events;

    public DownWorkflow(ContainerRunner runner, Events events) {
        this.runner = runner;
        this.events = events;
    }

    /** @param services the services to stop, or empty for all of them and the workshop's network */
    @Override
    public DownResult execute(DownRequest request) {
        WorkshopConfig workshop = request.workshop();
        List<String> services = request.services();
        services.forEach(workshop::service);
        boolean all = services.isEmpty();
        List<ServiceConfig> order = new ArrayList<>(DependencyOrder.startOrder(workshop.services(),
                all ? workshop.services().keySet() : services));
        if (!all) {
            order.removeIf(s -> !services.contains(s.name())); // down db stops db, not what it depends on
        }
        Collections.reverse(order);
        List<String> removed = new ArrayList<>();
        for (ServiceConfig service : order) {
            String name = LocalContainers.containerName(workshop.name(), service.name());
            if (runner.remove(name)) {
                removed.add(service.name());
                events.note("stopped and removed " + name);
            }
        }
        boolean networkRemoved = false;
        if (all) {
            String network = LocalServiceSpecs.networkName(workshop.name());
            try {
                networkRemoved = runner.removeNetwork(network);
            } catch (MysfitsException stillInUse) {
                events.warn("kept network " + network + ": " + stillInUse.getMessage());
            }
            if (networkRemoved) {
                events.note("removed network " + network);
            }
        }
        Set<String> volumes = new LinkedHashSet<>();
        order.forEach(s -> s.local().volumes().stream().filter(v -> !v.isBind())
                .forEach(v -> volumes.add(LocalServiceSpecs.volumeName(workshop.name(), v.volumeName()))));
        if (removed.isEmpty()) {
            events.done("nothing to stop: no container of " + String.join(", ", order.stream().map(ServiceConfig::name).toList()) + " was running");
        } else {
            events.done("down: stopped " + String.join(", ", removed));
        }
        if (!volumes.isEmpty()) {
            events.note("kept volumes " + String.join(", ", volumes) + " and their data (mysfits cleanup --local --volumes removes them)");
        }
        return new DownResult(removed, networkRemoved, List.copyOf(volumes));
    }
}
