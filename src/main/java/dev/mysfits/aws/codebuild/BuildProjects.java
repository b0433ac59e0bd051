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

    /**
     * One phase of a build as BatchGetBuilds reports it.
     *
     * @param status          SUCCEEDED, FAILED, FAULT, TIMED_OUT, STOPPED, or null while it runs
     * @param durationSeconds null while it runs
     * @param context         why it failed (CodeBuild's status code and message), or null
     */
    record Phase(String type, String status, Long durationSeconds, String context) {
    }

    /**
     * Where a build is.
     *
     * @param status    IN_PROGRESS, SUCCEEDED, FAILED, FAULT, TIMED_OUT, STOPPED
     * @param phase     the current phase (SUBMITTED, PROVISIONING, BUILD, ... COMPLETED)
     * @param logGroup  the CloudWatch Logs group of its log, or null before CodeBuild names it
     * @param logStream its stream in that group, or null
     */
    record BuildState(String id, String status, String phase, boolean complete, List<Phase> phases, String logGroup,
                      String logStream, java.time.Instant startTime) {
        public BuildState {
            phases = List.copyOf(phases);
        }
    }

    /** @param sourceVersion a branch, tag or commit to build, or null for the project's default */
    Build start(String projectName, String sourceVersion);

    /** Empty when CodeBuild does not (yet) know the build. */
    Optional<BuildState> describe(String buildId);

    /** Projects whose name starts with prefix, with their tags: for cleanup's discovery. */
    List<Project> list(String prefix);
}
