package dev.mysfits.workflow.task;

import dev.mysfits.aws.ecs.ClusterTasks;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;

import java.util.List;

/**
 * A service's tasks in the workshop's cluster, newest first: the ones meant to run and the ones stopped that ECS still
 * shows, both the service's own and the standalone ones task run started (see {@link ServiceTask#belongsTo}).
 */
public final class ListTasksWorkflow {
    private final ClusterTasks tasks;
    private final InfrastructureLookup infrastructure;

    public ListTasksWorkflow(ClusterTasks tasks, InfrastructureLookup infrastructure) {
        this.tasks = tasks;
        this.infrastructure = infrastructure;
    }

    public List<ServiceTask> execute(ListTasksRequest request) {
        String service = request.workshop().service(request.service()).name();
        Infrastructure infra = infrastructure.require();
        ResourceNames names = new ResourceNames(request.workshop().name());
        return tasks.all(infra.clusterName()).stream().filter(t -> ServiceTask.belongsTo(t, names, service))
                .map(t -> ServiceTask.of(service, t)).toList();
    }
}
