package dev.mysfits.config;

import java.util.List;

/**
 * How a service runs locally beside the others, as the 003 lab passes it to `docker run`. Every part is optional.
 *
 * @param command       replaces the image's CMD ("app -mode=backend ...")
 * @param aliases       extra names other services reach it by on the workshop's network (its own name always works)
 * @param volumes       named volumes and bind mounts
 * @param memoryBytes   the memory limit (`-m 128MB`), 0 for none
 * @param hostNetwork   `--network host`: no network of its own, no published ports
 * @param dependsOn     services `up` starts, and waits to be healthy, first
 * @param healthCommand a command run inside the container (exit 0 = healthy), for services without an HTTP health path
 */
public record LocalRunConfig(
        List<String> command,
        List<String> aliases,
        List<VolumeMount> volumes,
        long memoryBytes,
        boolean hostNetwork,
        List<String> dependsOn,
        List<String> healthCommand) {
    public static final LocalRunConfig NONE = new LocalRunConfig(List.of(), List.of(), List.of(), 0, false, List.of(), List.of());

    public LocalRunConfig {
        command = List.copyOf(command);
        aliases = List.copyOf(aliases);
        volumes = List.copyOf(volumes);
        dependsOn = List.copyOf(dependsOn);
        healthCommand = List.copyOf(healthCommand);
    }
}
