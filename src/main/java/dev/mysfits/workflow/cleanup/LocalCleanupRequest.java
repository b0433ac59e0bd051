package dev.mysfits.workflow.cleanup;

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
}
