package dev.mysfits.docker;

import dev.mysfits.registry.RegistryCredentials;

import java.time.Duration;
import java.util.Optional;

/** The Docker engine calls a push needs: find the local image, tag it for the registry, push it. */
public interface ImagePusher {

    Optional<LocalImage> findLocalImage(String reference);

    /** Tags a local image as repository:tag (replacing whatever had that name before). */
    void tag(String sourceReference, String repository, String tag);

    /**
     * Pushes repository:tag with the given login, handed to the daemon for this one call only (never written to
     * ~/.docker/config.json). Bounded by the timeout: the daemon retries failed uploads on its own.
     */
    PushedTag push(String repository, String tag, RegistryCredentials credentials, PushListener listener, Duration timeout);
}
