package dev.mysfits.docker;

import java.util.Map;

/** A container to run detached: like `docker run -d --name NAME -p HOST:CONTAINER -e K=V --label K=V IMAGE`. */
public record ContainerSpec(
        String name,
        String image,
        int hostPort,
        int containerPort,
        Map<String, String> environment,
        Map<String, String> labels) {
    public ContainerSpec {
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
    }
}
