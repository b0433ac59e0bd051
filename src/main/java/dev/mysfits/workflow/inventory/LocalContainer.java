package dev.mysfits.workflow.inventory;

import java.util.List;

/**
 * A container of the workshop, for `mysfits ps`.
 *
 * @param id     the full container id
 * @param state  Docker's state ("running", "exited"…)
 * @param status Docker's own words, as `docker ps` shows them ("Up 3 minutes")
 * @param ports  "0.0.0.0:8000->80/tcp", as `docker ps` shows them
 * @param url    where it answers from this machine (its health path), or null when it publishes nothing or is not running
 */
public record LocalContainer(String service, String id, String container, String image, String state, String status,
                             List<String> ports, String url) {
    public LocalContainer {
        ports = List.copyOf(ports);
    }
}
