package dev.mysfits.workflow.local;

import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.registry.RegistryCredentials;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * ECR's login for an image in this account's registry, got as `push` gets it (GetAuthorizationToken); no login for
 * any other registry. The registry adapter is asked for only when an ECR image is pulled, so `up` of images that
 * are all local needs no AWS credentials.
 */
public final class EcrPullLogin implements PullLogin {
    private final Supplier<ImageRegistry> registry;

    public EcrPullLogin(Supplier<ImageRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Optional<RegistryCredentials> forHost(String host) {
        if (!ImageReference.isEcr(host)) {
            return Optional.empty();
        }
        RegistryCredentials credentials = registry.get().authenticate();
        // Another account's or region's registry takes another token: pulling without one lets it say so.
        return credentials.host().equals(host) ? Optional.of(credentials) : Optional.empty();
    }
}
