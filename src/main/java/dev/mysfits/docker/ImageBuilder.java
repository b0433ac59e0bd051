package dev.mysfits.docker;

/** Builds images from a Dockerfile and a context directory. */
public interface ImageBuilder {
    /**
     * Builds and tags the image, reporting steps as they run.
     *
     * @throws ImageBuildFailedException when a step fails or the daemon rejects the Dockerfile
     */
    BuiltImage build(ImageBuildRequest request, BuildListener listener);
}
