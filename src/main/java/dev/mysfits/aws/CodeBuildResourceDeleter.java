package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

import java.util.function.Supplier;

/** CodeBuild projects. The client is built only when there is one to delete: most workshops have none. */
final class CodeBuildResourceDeleter {
    private final Supplier<CodeBuildClient> client;

    CodeBuildResourceDeleter(Supplier<CodeBuildClient> client) {
        this.client = client;
    }

    ResourceDeleter.Outcome deleteProject(OwnedResource project) {
        String name = project.id().contains(":project/")
                ? project.id().substring(project.id().indexOf(":project/") + ":project/".length())
                : project.id();
        try {
            // DeleteProject answers success for a project that is not there: gone either way.
            client.get().deleteProject(r -> r.name(name));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle("codebuild delete project " + name, e);
        }
    }
}
