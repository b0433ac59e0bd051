package dev.mysfits.workflow.local;

import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.LocalContainers;
import dev.mysfits.docker.LogQuery;

/** `mysfits logs SERVICE --local`: the local container's stdout and stderr, as written, on stdout. */
public final class LocalLogsWorkflow implements Workflow<LogsRequest, LogsResult> {
    private final ContainerRunner runner;
    private final Events events;

    public LocalLogsWorkflow(ContainerRunner runner, Events events) {
        this.runner = runner;
        this.events = events;
    }

    @Override
    public LogsResult execute(LogsRequest request) {
        String service = request.service().name();
        String name = LocalContainers.containerName(request.workshop(), service);
        if (runner.find(name).isEmpty()) {
            throw MysfitsException.precondition("no local container for " + service + " (" + name + ")",
                    "start it with mysfits run " + service);
        }
        runner.logs(name, new LogQuery(request.follow(), request.tail(), request.timeout()), events::output);
        return new LogsResult(service, name);
    }
}
