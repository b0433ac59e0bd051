package dev.mysfits.docker;

import dev.mysfits.registry.RegistryCredentials;

/** Reads a pushed manifest back from the registry (the Docker Registry HTTP API v2). */
public interface RegistryManifests {
    record Manifest(String mediaType, String body) {
    }

    /**
     * @param repositoryUri host/name, as ECR gives it
     * @param digest        the manifest digest the push reported
     */
    Manifest fetch(String repositoryUri, String digest, RegistryCredentials credentials);
}
