package dev.mysfits.workflow.local;

import dev.mysfits.console.Console;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.LocalContainers;
import dev.mysfits.docker.LogQuery;

/** `mysfits logs SERVICE --local`: the local container's stdout and stderr, as written, on stdout. */
public final class LocalLogsWorkflow {
    private final ContainerRunner runner;
    private final Console console;

    public LocalLogsWorkflow(ContainerRunner runner, Console console) {
        this.runner = runner;
        this.console = console;
    }

    public void execute(LogsRequest request) {
        String service = request.service().name();
        String name = LocalContainers.containerName(request.workshop(), service);
        if (runner.find(name).isEmpty()) {
            throw MysfitsException.precondition("no local container for " + service + " (" + name + ")",
                    "start it with mysfits run " + service);
        }
        runner.logs(name, new LogQuery(request.follow(), request.tail(), request.timeout()), console::stream);
    }
}
