package dev.mysfits.aws.ecs;

import java.util.Map;
import java.util.Optional;

/** ECS clusters: find and create. */
public interface Clusters {
    record Cluster(String arn, String name, String status) {
    }

    /** The ACTIVE cluster with this name; an INACTIVE (deleted) one counts as missing. */
    Optional<Cluster> find(String name);

    Cluster create(String name, Map<String, String> tags);

    /** The cluster's container instances (none for a Fargate-only cluster). */
    java.util.List<ContainerInstances.ContainerInstance> containerInstances(String cluster);
}
