package dev.mysfits.docker;

import java.util.List;
import java.util.Map;

/**
 * A container to run detached, like `docker run -d --name NAME -p HOST:CONTAINER -e K=V --label K=V
 * [--network NET --network-alias A] [-v SRC:DST] [-m BYTES] IMAGE [COMMAND...]`.
 *
 * @param hostPort      the published host port, 0 for none
 * @param command       replaces the image's CMD when not empty
 * @param network       the user-defined network to join, or null for Docker's default bridge
 * @param aliases       names on that network
 * @param memoryBytes   the memory limit, 0 for none
 * @param hostNetwork   `--network host` (then nothing is published)
 * @param healthCommand Docker's health check command (exec form), empty for none
 */
public record ContainerSpec(
        String name,
        String image,
        int hostPort,
        int containerPort,
        Map<String, String> environment,
        Map<String, String> labels,
        List<String> command,
        String network,
        List<String> aliases,
        List<Mount> mounts,
        long memoryBytes,
        boolean hostNetwork,
        List<String> healthCommand) {

    /** A volume (by its Docker name) or a bind mount (by host path) at target. */
    public record Mount(String volume, String hostPath, String target, boolean readOnly) {
    }

    public ContainerSpec {
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
        command = List.copyOf(command);
        aliases = List.copyOf(aliases);
        mounts = List.copyOf(mounts);
        healthCommand = List.copyOf(healthCommand);
    }

    /** Only a port, an environment and labels: what `mysfits run` has always started. */
    public ContainerSpec(String name, String image, int hostPort, int containerPort, Map<String, String> environment,
                         Map<String, String> labels) {
        this(name, image, hostPort, containerPort, environment, labels, List.of(), null, List.of(), List.of(), 0, false, List.of());
    }
}
