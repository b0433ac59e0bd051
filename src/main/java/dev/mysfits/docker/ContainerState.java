package dev.mysfits.docker;

import java.util.List;

/**
 * A container as the daemon reports it.
 *
 * @param status    "running", "exited", "created"...
 * @param exitCode  the exit code once it stopped, else null
 * @param hostPorts the host ports it publishes
 */
public record ContainerState(String id, String name, String image, String status, Integer exitCode, List<Integer> hostPorts) {
    public ContainerState {
        hostPorts = List.copyOf(hostPorts);
    }

    public boolean running() {
        return "running".equals(status);
    }
}
