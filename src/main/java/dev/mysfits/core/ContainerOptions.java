package dev.mysfits.core;

import java.util.List;

/**
 * How a container runs beyond its image, ports, names and environment, like `docker run [-m BYTES] [--network host]
 * [--health-cmd ...] IMAGE [COMMAND...]`: one record for what the workshop file asks of a service and what the
 * container is started with.
 *
 * @param command       replaces the image's CMD when not empty ("app -mode=backend ...")
 * @param memoryBytes   the memory limit (`-m 128MB`), 0 for none
 * @param hostNetwork   `--network host`: no network of its own, no published ports
 * @param healthCommand a command run inside the container (exit 0 = healthy), empty for none
 */
public record ContainerOptions(List<String> command, long memoryBytes, boolean hostNetwork, List<String> healthCommand) {
    public static final ContainerOptions NONE = new ContainerOptions(List.of(), 0, false, List.of());

    public ContainerOptions {
        command = List.copyOf(command);
        healthCommand = List.copyOf(healthCommand);
    }
}
