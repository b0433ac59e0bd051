package dev.mysfits.workflow.local;

import dev.mysfits.config.WorkshopConfig;

import java.util.List;

/** @param services only these; empty for all of them, and the workshop's network */
public record DownRequest(WorkshopConfig workshop, List<String> services) {
    public DownRequest {
        services = List.copyOf(services);
    }
}
