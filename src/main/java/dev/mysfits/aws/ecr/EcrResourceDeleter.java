package dev.mysfits.aws.ecr;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;

/** ECR repositories, with their images (force). */
public final class EcrResourceDeleter {
    private final EcrClient client;

    public EcrResourceDeleter(EcrClient client) {
        this.client = client;
    }

    public ResourceDeleter.Outcome deleteRepository(OwnedResource repository) {
        String name = repository.id().contains(":repository/")
                ? repository.id().substring(repository.id().indexOf(":repository/") + ":repository/".length())
                : repository.id();
        return DeletionErrors.deleteOrGone("ecr delete repository " + name, () -> client.deleteRepository(r -> r.repositoryName(name).force(true)));
    }
}
