package dev.mysfits.aws.ecr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What an ECR repository holds, as `aws ecr describe-images` lists it: read only. */
public interface RepositoryImages {
    /**
     * An image in the repository.
     *
     * @param digest   the manifest digest ("sha256:…"), the one `docker push` prints
     * @param tags     its tags; empty for an untagged image
     * @param pushedAt when it was pushed, or null when ECR does not say
     * @param size     the size ECR reports (compressed layers), in bytes
     */
    record EcrImage(String digest, List<String> tags, Instant pushedAt, long size) {
        public EcrImage {
            tags = List.copyOf(tags);
        }
    }

    /** A repository and its images. */
    record Listing(String repository, String uri, List<EcrImage> images) {
        public Listing {
            images = List.copyOf(images);
        }
    }

    /** Empty when the repository does not exist (yet). */
    Optional<Listing> list(String repository);
}
