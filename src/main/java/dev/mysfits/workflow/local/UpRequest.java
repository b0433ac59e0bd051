package dev.mysfits.workflow.local;

import dev.mysfits.config.WorkshopConfig;

import java.time.Duration;
import java.util.List;

/**
 * What `mysfits up` was asked to do.
 *
 * @param services the services named on the command line (their dependencies come too); empty for all
 * @param timeout  how long to wait for each service to be healthy
 */
public record UpRequest(WorkshopConfig workshop, List<String> services, Duration timeout) {
    public UpRequest {
        services = List.copyOf(services);
    }
}
