package dev.mysfits.aws.codebuild;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.services.codebuild.CodeBuildClient;

import java.util.Map;
import java.util.function.Supplier;

/** CodeBuild projects. The client is built only when there is one to delete: most workshops have none. */
public record CodeBuildResourceDeleter(Supplier<CodeBuildClient> client) implements ServiceDeleter {

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(ResourceType.CODEBUILD_PROJECT, this::deleteProject);
    }

    public ResourceDeleter.Outcome deleteProject(OwnedResource project) {
        String name = project.idAfter(":project/");
        return DeletionErrors.deleteOrGone("codebuild delete project " + name, () -> {
            // DeleteProject answers success for a project that is not there: gone either way.
            client.get().deleteProject(r -> r.name(name));
        });
    }
}
