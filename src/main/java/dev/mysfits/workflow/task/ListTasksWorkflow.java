package dev.mysfits.workflow.task;

import dev.mysfits.aws.ecs.ClusterTasks;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;

import java.util.List;

/**
 * A service's tasks in the workshop's cluster, newest first: the ones meant to run and the ones stopped that ECS still
 * shows, both the service's own and the standalone ones task run started (see {@link ServiceTask#belongsTo}).
 */
public final class ListTasksWorkflow implements Workflow<ListTasksRequest, ListTasksResult> {
    private final ClusterTasks tasks;
    private final InfrastructureLookup infrastructure;
    private final Events events;

    public ListTasksWorkflow(ClusterTasks tasks, InfrastructureLookup infrastructure, Events events) {
        this.tasks = tasks;
        this.infrastructure = infrastructure;
        this.events = events;
    }

    @Override
    public ListTasksResult execute(ListTasksRequest request) {
        String service = request.workshop().service(request.service()).name();
        Infrastructure infra = infrastructure.require();
        ResourceNames names = new ResourceNames(request.workshop().name());
        List<ServiceTask> found = tasks.all(infra.clusterName()).stream().filter(t -> ServiceTask.belongsTo(t, names, service))
                .map(t -> ServiceTask.of(service, t)).toList();
        if (found.isEmpty()) {
            events.note("no task of " + service + " is running or stopped recently: mysfits task run " + service + " starts one");
        }
        return new ListTasksResult(service, found);
    }
}
