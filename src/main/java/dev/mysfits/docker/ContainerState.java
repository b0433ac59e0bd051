package dev.mysfits.docker;

import java.util.List;

/**
 * A container as the daemon reports it.
 *
 * @param status    "running", "exited", "created"...
 * @param exitCode  the exit code once it stopped, else null
 * @param hostPorts the host ports it publishes
 * @param health    Docker's health status ("starting", "healthy", "unhealthy"), null without a health check
 * @param labels    its labels
 */
public record ContainerState(String id, String name, String image, String status, Integer exitCode, List<Integer> hostPorts,
                             String health, java.util.Map<String, String> labels) {
    public ContainerState {
        hostPorts = List.copyOf(hostPorts);
        labels = labels == null ? java.util.Map.of() : java.util.Map.copyOf(labels);
    }

    public ContainerState(String id, String name, String image, String status, Integer exitCode, List<Integer> hostPorts) {
        this(id, name, image, status, exitCode, hostPorts, null, java.util.Map.of());
    }

    public boolean running() {
        return "running".equals(status);
    }
}
