package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

import java.time.Duration;
import java.util.List;

/** ECS services (scaled to 0, deleted, waited until drained), task-definition revisions and the cluster. */
final class EcsResourceDeleter {
    private final EcsClient client;
    private final Duration drainTimeout;
    private final Duration pollInterval;

    EcsResourceDeleter(EcsClient client, Duration drainTimeout, Duration pollInterval) {
        this.client = client;
        this.drainTimeout = drainTimeout;
        this.pollInterval = pollInterval;
    }

    ResourceDeleter.Outcome deleteService(OwnedResource service) {
        String cluster = service.parent() != null ? service.parent() : clusterOf(service.id());
        String doing = "ecs delete service " + service.name();
        try {
            client.updateService(r -> r.cluster(cluster).service(service.id()).desiredCount(0));
            client.deleteService(r -> r.cluster(cluster).service(service.id()).force(true));
        } catch (SdkException e) {
            ResourceDeleter.Outcome outcome = DeletionErrors.handle(doing, e);
            if (outcome == ResourceDeleter.Outcome.ALREADY_GONE) {
                return outcome;
            }
        }
        awaitDrained(cluster, service.id());
        return ResourceDeleter.Outcome.DELETED;
    }

    /** Bounded: a service still draining past the bound is deleted all the same; later stages retry what it holds. */
    private void awaitDrained(String cluster, String service) {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (true) {
            List<Service> found;
            try {
                found = client.describeServices(r -> r.cluster(cluster).services(service)).services();
            } catch (SdkException e) {
                if (DeletionErrors.gone(e)) {
                    return;
                }
                throw AwsErrors.wrap("ecs describe service " + service, e);
            }
            if (found.isEmpty() || "INACTIVE".equals(found.get(0).status())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                return;
            }
            DeletionErrors.pause(pollInterval.toMillis());
        }
    }

    ResourceDeleter.Outcome deregisterTaskDefinition(OwnedResource revision) {
        try {
            client.deregisterTaskDefinition(r -> r.taskDefinition(revision.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle("ecs deregister task definition " + revision.name(), e);
        }
    }

    ResourceDeleter.Outcome deleteCluster(OwnedResource cluster) {
        try {
            client.deleteCluster(r -> r.cluster(cluster.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle("ecs delete cluster " + cluster.name(), e);
        }
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
