package dev.mysfits.workflow.lab;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.docker.LocalContainers;
import dev.mysfits.lab.Probe;

import java.util.Optional;
import java.util.function.Supplier;

/** A service's local container runs, or (running false) is not there or stopped. */
public final class ContainerProbes implements ProbeEvaluator<Probe.Container> {
    private final Supplier<ContainerRunner> runner;

    /** @param runner the local engine, made on first use (a lab without local probes needs no Docker) */
    public ContainerProbes(Supplier<ContainerRunner> runner) {
        this.runner = runner;
    }

    @Override
    public String describe(Probe.Container probe, WorkshopConfig workshop) {
        return probe.running() ? probe.service() + "'s local container is running"
                : probe.service() + "'s local container is not running";
    }

    @Override
    public Optional<String> problem(Probe.Container probe, WorkshopConfig workshop) {
        ServiceConfig service = workshop.service(probe.service());
        Optional<ContainerState> container = LocalContainerLookup.find(runner.get(), workshop, service);
        if (probe.running()) {
            if (container.isEmpty()) {
                return Optional.of("no container " + LocalContainers.containerName(workshop.name(), service.name())
                        + " (nor " + service.name() + ") on the local engine");
            }
            ContainerState c = container.get();
            if (!c.running()) {
                return Optional.of("container " + c.name() + " is " + c.status()
                        + (c.exitCode() == null ? "" : " (exit code " + c.exitCode() + ")"));
            }
            return Optional.empty();
        }
        return container.filter(ContainerState::running).map(c -> "container " + c.name() + " is still running (" + c.image() + ")");
    }
}
