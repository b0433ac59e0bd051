package dev.mysfits.config;

import dev.mysfits.core.ContainerOptions;

import java.util.List;

/**
 * How a service runs locally beside the others, as the 003 lab passes it to `docker run`. Every part is optional.
 *
 * @param container  its command, memory limit, host networking and health command, as the container gets them
 * @param aliases    extra names other services reach it by on the workshop's network (its own name always works)
 * @param volumes    named volumes and bind mounts
 * @param dependsOn  services `up` starts, and waits to be healthy, first
 */
public record LocalRunConfig(ContainerOptions container, List<String> aliases, List<VolumeMount> volumes, List<String> dependsOn) {
    public static final LocalRunConfig NONE = new LocalRunConfig(ContainerOptions.NONE, List.of(), List.of(), List.of());

    public LocalRunConfig {
        aliases = List.copyOf(aliases);
        volumes = List.copyOf(volumes);
        dependsOn = List.copyOf(dependsOn);
    }
}
