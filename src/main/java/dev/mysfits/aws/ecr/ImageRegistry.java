package dev.mysfits.aws.ecr;

import dev.mysfits.registry.RegistryCredentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ECR calls a push needs, and nothing more. */
public interface ImageRegistry {

    /** The region the repositories live in (for the ledger). */
    String region();

    Optional<EcrRepository> findRepository(String name);

    /** Creates a repository with mutable tags and no scan on push; an existing one is returned as is. */
    EcrRepository createRepository(String name, Map<String, String> tags);

    /** A fresh registry login (GetAuthorizationToken). */
    RegistryCredentials authenticate();

    /** The images the ECR API lists for a repository. */
    List<RegistryImage> listImages(String repositoryName);

    /**
     * Tells the ECR API about a manifest the registry already holds (PutImage). Real ECR lists a pushed image by
     * itself; a registry stand-in (the sandbox) does not, so the push workflow registers it when it is missing.
     */
    void registerImage(String repositoryName, String tag, String digest, String manifest, String mediaType);
}
