package dev.mysfits.aws.ecr;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workshop's repositories, listed and asked for their tags: the sandbox's Tagging API does not cover ECR
 * (AWS's does), and the product must not treat the two differently.
 */
public final class EcrTaggedResources {
    private final EcrClient ecr;

    public EcrTaggedResources(EcrClient ecr) {
        this.ecr = ecr;
    }

    public List<OwnedResource> repositories(String workshop) {
        List<Repository> all = new ArrayList<>();
        ecr.describeRepositoriesPaginator(r -> { }).forEach(page -> all.addAll(page.repositories()));
        List<OwnedResource> ours = new ArrayList<>();
        for (Repository repository : all) {
            Map<String, String> tags = new HashMap<>();
            ecr.listTagsForResource(r -> r.resourceArn(repository.repositoryArn())).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            if (workshop.equals(tags.get(ResourceNames.TAG_WORKSHOP))) {
                ours.add(OwnedResource.of(ResourceType.ECR_REPOSITORY, repository.repositoryName(),
                        repository.repositoryName(), tags.get(ResourceNames.TAG_SERVICE), null));
            }
        }
        return ours;
    }
}
