package dev.mysfits.aws.ecr;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.util.Map;

/** ECR repositories, with their images (force). */
public record EcrResourceDeleter(EcrClient client) implements ServiceDeleter {

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(ResourceType.ECR_REPOSITORY, this::deleteRepository);
    }

    public ResourceDeleter.Outcome deleteRepository(OwnedResource repository) {
        String name = repository.idAfter(":repository/");
        return DeletionErrors.deleteOrGone("ecr delete repository " + name, () -> client.deleteRepository(r -> r.repositoryName(name).force(true)));
    }
}
