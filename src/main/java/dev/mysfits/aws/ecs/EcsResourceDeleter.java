package dev.mysfits.aws.ecs;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceBusyException;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.aws.WaitUntilGone;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.List;
import java.util.Map;

/** ECS services (scaled to 0, deleted, waited until drained), standalone tasks, task-definition revisions and the cluster. */
public record EcsResourceDeleter(EcsClient client, WaitUntilGone drained) implements ServiceDeleter {

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(
                ResourceType.SERVICE, this::deleteService,
                ResourceType.TASK, this::stopTask,
                ResourceType.TASK_DEFINITION, this::deregisterTaskDefinition,
                ResourceType.CLUSTER, this::deleteCluster);
    }

    /**
     * Scales the service to 0 and deletes it, then waits until ECS says INACTIVE: until then its tasks still run
     * (DRAINING). A service already DRAINING, perhaps from an attempt whose answer was lost, is only waited for.
     */
    public ResourceDeleter.Outcome deleteService(OwnedResource service) {
        String cluster = service.parent() != null ? service.parent() : clusterOf(service.id());
        String doing = "ecs delete service " + service.name();
        ResourceDeleter.Outcome outcome = DeletionErrors.decideOrGone(doing, () -> {
            String status = serviceStatus(cluster, service.id());
            if ("INACTIVE".equals(status)) {
                return ResourceDeleter.Outcome.ALREADY_GONE;
            }
            if (!"DRAINING".equals(status)) {
                client.updateService(r -> r.cluster(cluster).service(service.id()).desiredCount(0));
                client.deleteService(r -> r.cluster(cluster).service(service.id()).force(true));
            }
            return ResourceDeleter.Outcome.DELETED;
        });
        if (!drained.afterDelete(outcome, "service " + service.name() + " to drain", "ecs describe service " + service.name(),
                () -> "INACTIVE".equals(serviceStatus(cluster, service.id())))) {
            throw new ResourceBusyException(doing + ": still DRAINING while its tasks stop", null);
        }
        return outcome;
    }

    /** ACTIVE, DRAINING or INACTIVE; INACTIVE too when ECS no longer knows it. */
    private String serviceStatus(String cluster, String serviceId) {
        List<Service> found = client.describeServices(r -> r.cluster(cluster).services(serviceId)).services();
        return found.isEmpty() ? "INACTIVE" : found.get(0).status();
    }

    /** Stops a task no service runs, and waits until it has: until then it runs, and keeps its cluster. */
    public ResourceDeleter.Outcome stopTask(OwnedResource task) {
        String doing = "ecs stop task " + task.name();
        ResourceDeleter.Outcome outcome = DeletionErrors.decideOrGone(doing, () -> {
            if (taskStopped(task)) {
                return ResourceDeleter.Outcome.ALREADY_GONE;
            }
            client.stopTask(r -> r.cluster(task.parent()).task(task.id()).reason("Stopped by mysfits cleanup"));
            return ResourceDeleter.Outcome.DELETED;
        });
        if (!drained.afterDelete(outcome, "task " + task.name() + " to stop", "ecs describe task " + task.name(),
                () -> taskStopped(task))) {
            throw new ResourceBusyException(doing + ": still stopping", null);
        }
        return outcome;
    }

    private boolean taskStopped(OwnedResource task) {
        List<Task> found = client.describeTasks(r -> r.cluster(task.parent()).tasks(task.id())).tasks();
        return found.isEmpty() || "STOPPED".equals(found.get(0).lastStatus());
    }

    public ResourceDeleter.Outcome deregisterTaskDefinition(OwnedResource revision) {
        return DeletionErrors.deleteOrGone("ecs deregister task definition " + revision.name(), () -> client.deregisterTaskDefinition(r -> r.taskDefinition(revision.id())));
    }

    public ResourceDeleter.Outcome deleteCluster(OwnedResource cluster) {
        return DeletionErrors.deleteOrGone("ecs delete cluster " + cluster.name(), () -> client.deleteCluster(r -> r.cluster(cluster.id())));
    }

    /** arn:aws:ecs:region:account:service/cluster/name → cluster; a plain name has none. */
    private static String clusterOf(String serviceId) {
        int marker = serviceId.indexOf(":service/");
        if (marker < 0) {
            return null;
        }
        String rest = serviceId.substring(marker + ":service/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(0, slash);
    }
}
