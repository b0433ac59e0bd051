package dev.mysfits.aws.ecs;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.Map;
import java.util.Optional;

/** {@link Clusters} on the ECS API. */
public final class EcsClusters implements Clusters {
    private final EcsClient ecs;
    private final Eventually eventually;

    public EcsClusters(EcsClient ecs, Eventually eventually) {
        this.ecs = ecs;
        this.eventually = eventually;
    }

    @Override
    public Optional<Cluster> find(String name) {
        try {
            return ecs.describeClusters(r -> r.clusters(name)).clusters().stream()
                    .filter(c -> "ACTIVE".equals(c.status()))
                    .map(c -> new Cluster(c.clusterArn(), c.clusterName(), c.status()))
                    .findFirst();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs describe cluster " + name, e);
        }
    }

    @Override
    public Cluster create(String name, Map<String, String> tags) {
        try {
            // On a fresh account ECS makes its service-linked role on the first cluster, and refuses until it can use it.
            var c = eventually.call("ECS service-linked role AWSServiceRoleForECS to reach ECS", Eventually.PROPAGATION,
                    TransientErrors.SERVICE_LINKED_ROLE, () -> ecs.createCluster(r -> r.clusterName(name)
                    .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())))
                    .cluster();
            return new Cluster(c.clusterArn(), c.clusterName(), c.status());
        } catch (SdkException e) {
            throw AwsErrors.wrap("ecs create cluster " + name, e);
        }
    }

    @Override
    public java.util.List<ContainerInstances.ContainerInstance> containerInstances(String cluster) {
        return ContainerInstances.list(ecs, cluster);
    }
}
