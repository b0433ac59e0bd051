package dev.mysfits.workflow.cleanup;

import java.util.List;

/**
 * What to clean up.
 *
 * @param services   only these services' resources; empty means everything of the workshop
 * @param dryRun     list, change nothing
 * @param yes        do not ask
 * @param keepImages keep the ECR repositories and their images
 * @param keepInfra  keep the shared infrastructure (cluster, ALB, listener, security groups, roles)
 */
public record CleanupRequest(List<String> services, boolean dryRun, boolean yes, boolean keepImages, boolean keepInfra) {
    public CleanupRequest {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
