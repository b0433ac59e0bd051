package dev.mysfits.workflow.cleanup;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * What cleanup --local removes: the workshop's labelled containers and networks, and its images.
 *
 * @param imageNames local image names and ECR repository names of the workshop's services
 * @param yes        do not ask
 * @param volumes    also remove the workshop's named volumes, and the data in them
 */
public record LocalCleanupRequest(String workshop, List<String> imageNames, boolean dryRun, boolean yes, boolean volumes) {
    public LocalCleanupRequest {
        imageNames = List.copyOf(imageNames);
    }

    /**
     * The workshop's images are those of the services it builds (with a build context), by local name and ECR
     * repository. An image a service only pulls (up: the 003 lab's mysql) may be the user's own for other work, so
     * it stays, as docker compose down --rmi local leaves pulled images.
     */
    public static LocalCleanupRequest of(WorkshopConfig workshop, boolean dryRun, boolean yes, boolean volumes) {
        List<String> imageNames = new ArrayList<>();
        for (ServiceConfig service : workshop.servicesInOrder()) {
            if (service.context() != null) {
                imageNames.add(service.image());
                imageNames.add(service.repository());
            }
        }
        return new LocalCleanupRequest(workshop.name(), imageNames, dryRun, yes, volumes);
    }
}
