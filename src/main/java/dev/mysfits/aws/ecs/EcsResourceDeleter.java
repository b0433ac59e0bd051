package dev.mysfits.aws.ecs;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.WaitUntilGone;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

import java.util.List;

/** ECS services (scaled to 0, deleted, waited until drained), task-definition revisions and the cluster. */
public final class EcsResourceDeleter {
    private final EcsClient client;
    private final WaitUntilGone drained;

    public EcsResourceDeleter(EcsClient client, WaitUntilGone drained) {
        this.client = client;
        this.drained = drained;
    }

    public ResourceDeleter.Outcome deleteService(OwnedResource service) {
        String cluster = service.parent() != null ? service.parent() : clusterOf(service.id());
        String doing = "ecs delete service " + service.name();
        ResourceDeleter.Outcome outcome = DeletionErrors.deleteOrGone(doing, () -> {
            client.updateService(r -> r.cluster(cluster).service(service.id()).desiredCount(0));
            client.deleteService(r -> r.cluster(cluster).service(service.id()).force(true));
        });
        if (outcome == ResourceDeleter.Outcome.DELETED) {
            // Bounded: a service still draining past the bound is deleted all the same; later stages retry what it holds.
            drained.await("ecs describe service " + service.name(), () -> {
                List<Service> found = client.describeServices(r -> r.cluster(cluster).services(service.id())).services();
                return found.isEmpty() || "INACTIVE".equals(found.get(0).status());
            });
        }
        return outcome;
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
