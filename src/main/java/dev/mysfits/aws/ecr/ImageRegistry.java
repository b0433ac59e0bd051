package dev.mysfits.aws.ecr;

import dev.mysfits.registry.RegistryCredentials;

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
}
