package dev.mysfits.workflow.cleanup;

import java.util.Collection;
import java.util.List;

/**
 * What to clean up.
 *
 * @param workshop           the workshop, whose tag and ledger say what is its
 * @param configuredServices the services mysfits.json names (others found by tag are still the workshop's)
 * @param services   only these services' resources; empty means everything of the workshop
 * @param dryRun     list, change nothing
 * @param yes        do not ask
 * @param keepImages keep the ECR repositories and their images
 * @param keepInfra  keep the shared infrastructure (cluster, ALB, listener, security groups, roles)
 */
public record CleanupRequest(String workshop, Collection<String> configuredServices, List<String> services, boolean dryRun, boolean yes, boolean keepImages, boolean keepInfra) {
    public CleanupRequest {
        configuredServices = List.copyOf(configuredServices);
        services = services == null ? List.of() : List.copyOf(services);
    }
}
