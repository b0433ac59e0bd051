package dev.mysfits.docker;

import dev.mysfits.core.ContainerOptions;

import java.util.List;
import java.util.Map;

/**
 * A container to run detached, like `docker run -d --name NAME -p HOST:CONTAINER -e K=V --label K=V
 * [--network NET --network-alias A] [-v SRC:DST] [OPTIONS] IMAGE [COMMAND...]`.
 *
 * @param hostPort  the published host port, 0 for none
 * @param network   the user-defined network to join, or null for Docker's default bridge
 * @param aliases   names on that network
 * @param container the command, memory limit, host networking and health check
 */
public record ContainerSpec(
        String name,
        String image,
        int hostPort,
        int containerPort,
        Map<String, String> environment,
        Map<String, String> labels,
        String network,
        List<String> aliases,
        List<Mount> mounts,
        ContainerOptions container) {

    /** A volume (by its Docker name) or a bind mount (by host path) at target. */
    public record Mount(String volume, String hostPath, String target, boolean readOnly) {
    }

    public ContainerSpec {
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
        aliases = List.copyOf(aliases);
        mounts = List.copyOf(mounts);
    }

    /** Only a port, an environment and labels: what `mysfits run` has always started. */
    public ContainerSpec(String name, String image, int hostPort, int containerPort, Map<String, String> environment,
                         Map<String, String> labels) {
        this(name, image, hostPort, containerPort, environment, labels, null, List.of(), List.of(), ContainerOptions.NONE);
    }

    /** The same container with other labels. */
    public ContainerSpec withLabels(Map<String, String> newLabels) {
        return new ContainerSpec(name, image, hostPort, containerPort, environment, newLabels, network, aliases, mounts, container);
    }
}
