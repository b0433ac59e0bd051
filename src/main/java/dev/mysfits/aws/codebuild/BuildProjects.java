package dev.mysfits.aws.codebuild;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CodeBuild projects and builds. */
public interface BuildProjects {
    /**
     * What a project is made of, as far as mysfits sets it.
     *
     * @param sourceType     GITHUB, CODECOMMIT, BITBUCKET, S3...
     * @param buildspec      the buildspec's path from the source's top
     * @param variables      plain-text environment variables the buildspec reads
     */
    record ProjectSpec(String name, String description, String sourceType, String sourceLocation, String buildspec,
                       String image, String computeType, String serviceRoleArn, Map<String, String> variables) {
        public ProjectSpec {
            variables = Map.copyOf(variables);
        }
    }

    record Project(String arn, ProjectSpec spec, Map<String, String> tags) {
    }

    /** @param status SUCCEEDED, IN_PROGRESS, FAILED... */
    record Build(String id, String status, String phase) {
    }

    Optional<Project> find(String name);

    Project create(ProjectSpec spec, Map<String, String> tags);

    Project update(ProjectSpec spec);

    Build start(String projectName);

    /** Projects whose name starts with prefix, with their tags: for cleanup's discovery. */
    List<Project> list(String prefix);
}
