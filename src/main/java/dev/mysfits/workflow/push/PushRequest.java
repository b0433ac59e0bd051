package dev.mysfits.workflow.push;

import java.time.Duration;
import java.util.List;

/**
 * What to push.
 *
 * @param workshop   the workshop name (the repository's mysfits:workshop tag)
 * @param service    the service name
 * @param image      the local image name ("monolith-service")
 * @param repository the ECR repository name ("mysfits/monolith-service")
 * @param tags       tags to push; empty means every tag the local image:latest carries
 * @param timeout    the longest one tag's push may take
 */
public record PushRequest(String workshop, String service, String image, String repository, List<String> tags,
                          Duration timeout, boolean dryRun) {
    public PushRequest {
        tags = List.copyOf(tags);
    }
}
