package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;

/** ECR repositories, with their images (force). */
final class EcrResourceDeleter {
    private final EcrClient client;

    EcrResourceDeleter(EcrClient client) {
        this.client = client;
    }

    ResourceDeleter.Outcome deleteRepository(OwnedResource repository) {
        String name = repository.id().contains(":repository/")
                ? repository.id().substring(repository.id().indexOf(":repository/") + ":repository/".length())
                : repository.id();
        try {
            client.deleteRepository(r -> r.repositoryName(name).force(true));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle("ecr delete repository " + name, e);
        }
    }
}
