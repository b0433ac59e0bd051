package dev.mysfits.workflow.revisions;

import java.time.Instant;
import java.util.List;

/**
 * A service's task-definition revisions, newest first, with the deployments that used each.
 *
 * @param deployed whether the service exists in ECS now
 * @param serving  the task definition its PRIMARY deployment runs, or null when it is not deployed
 * @param more     whether the family has older revisions than the ones listed (--limit)
 */
public record RevisionsResult(String service, String family, boolean deployed, String serving,
                              List<Revision> revisions, boolean more) {

    /**
     * @param state       "serving", "rolling out" (PRIMARY, not yet complete), "being replaced" (an ACTIVE deployment
     *                    still runs it), or null when the service does not run it
     * @param deployments the service deployments that deployed it, newest first; empty: never served, as far as ECS's
     *                    deployment history tells
     */
    public record Revision(String name, int revision, String taskDefinitionArn, Instant registeredAt, List<Image> images,
                           String state, List<DeploymentUse> deployments) {
    }

    /**
     * @param image  the reference as the task definition names it (a digest, or a tag)
     * @param digest the image's digest: from the reference, else as ECS resolved it when it deployed the revision;
     *               null when neither says
     */
    public record Image(String container, String image, String digest) {
    }

    /**
     * @param status SUCCESSFUL, ROLLBACK_SUCCESSFUL, IN_PROGRESS, STOPPED...
     * @param reason why it ended as it did (a rollback's reason, ECS's status reason), or null
     */
    public record DeploymentUse(String id, String arn, String status, Instant createdAt, Instant finishedAt,
                                String reason) {
    }
}
