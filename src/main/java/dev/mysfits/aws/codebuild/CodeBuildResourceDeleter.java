package dev.mysfits.aws.codebuild;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;

import software.amazon.awssdk.services.codebuild.CodeBuildClient;

import java.util.function.Supplier;

/** CodeBuild projects. The client is built only when there is one to delete: most workshops have none. */
public final class CodeBuildResourceDeleter {
    private final Supplier<CodeBuildClient> client;

    public CodeBuildResourceDeleter(Supplier<CodeBuildClient> client) {
        this.client = client;
    }

    public ResourceDeleter.Outcome deleteProject(OwnedResource project) {
        String name = project.id().contains(":project/")
                ? project.id().substring(project.id().indexOf(":project/") + ":project/".length())
                : project.id();
        return DeletionErrors.deleteOrGone("codebuild delete project " + name, () -> {
            // DeleteProject answers success for a project that is not there: gone either way.
            client.get().deleteProject(r -> r.name(name));
        });
    }
}
