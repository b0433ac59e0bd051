package dev.mysfits.workflow.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A service's images, side by side: each tag the local engine or ECR holds, and whether ECR has what is local.
 *
 * @param image         the local image name `build` tags (e.g. monolith-service)
 * @param repository    the ECR repository `push` pushes to
 * @param repositoryUri null when the repository does not exist yet
 */
public record ServiceImages(String service, String image, String repository, String repositoryUri, List<Tag> tags) {
    public ServiceImages {
        tags = List.copyOf(tags);
    }

    @JsonProperty("repositoryExists")
    public boolean repositoryExists() {
        return repositoryUri != null;
    }

    /**
     * One tag.
     *
     * @param tag   null for an untagged image in ECR
     * @param local the local image the tag names, or null when only ECR has it
     * @param ecr   the image ECR holds under the tag, or null when ECR lacks it
     */
    public record Tag(String tag, Local local, Ecr ecr, PushState state) {
    }

    /**
     * @param references every local name:tag for this tag: the build's name and the ECR-host copy push made
     */
    public record Local(String imageId, List<String> references, Instant created, long size) {
        public Local {
            references = List.copyOf(references);
        }
    }

    public record Ecr(String digest, Instant pushedAt, long size) {
    }
}
