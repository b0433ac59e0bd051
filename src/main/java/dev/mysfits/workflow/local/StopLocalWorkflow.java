package dev.mysfits.workflow.local;

import dev.mysfits.workflow.Workflow;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.LocalContainers;

/** `mysfits stop`: stops and removes the local container; a missing one is already the wanted state. */
public final class StopLocalWorkflow implements Workflow<StopRequest, StopResult> {
    private final ContainerRunner runner;
    private final Events events;

    public StopLocalWorkflow(ContainerRunner runner, Events events) {
        this.runner = runner;
        this.events = events;
    }

    @Override
    public StopResult execute(StopRequest request) {
        ServiceConfig service = request.service();
        String workshop = request.workshop();
        String name = LocalContainers.containerName(workshop, service.name());
        boolean stopped = runner.remove(name);
        if (stopped) {
            events.done("stopped and removed " + name);
        } else {
            events.note("nothing to stop: no container " + name);
        }
        return new StopResult(service.name(), name, stopped);
    }
}
