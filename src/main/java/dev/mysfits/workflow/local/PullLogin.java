package dev.mysfits.workflow.local;

import dev.mysfits.registry.RegistryCredentials;

import java.util.Optional;

/** The login a pull from a registry host needs, or empty to pull without one (a public image). */
public interface PullLogin {
    Optional<RegistryCredentials> forHost(String host);
}
