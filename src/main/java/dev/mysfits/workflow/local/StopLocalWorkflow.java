package dev.mysfits.workflow.local;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.console.Console;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.LocalContainers;

/** `mysfits stop`: stops and removes the local container; a missing one is already the wanted state. */
public final class StopLocalWorkflow {
    private final ContainerRunner runner;
    private final Console console;

    public StopLocalWorkflow(ContainerRunner runner, Console console) {
        this.runner = runner;
        this.console = console;
    }

    public StopResult execute(StopRequest request) {
        ServiceConfig service = request.service();
        String workshop = request.workshop();
        String name = LocalContainers.containerName(workshop, service.name());
        boolean stopped = runner.remove(name);
        if (stopped) {
            console.success("stopped and removed " + name);
        } else {
            console.info("nothing to stop: no container " + name);
        }
        return new StopResult(service.name(), name, stopped);
    }
}
