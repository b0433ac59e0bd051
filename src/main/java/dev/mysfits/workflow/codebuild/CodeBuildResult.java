package dev.mysfits.workflow.codebuild;

import dev.mysfits.aws.codebuild.BuildProjects.Phase;

import java.util.List;

/**
 * What `mysfits codebuild` did: the --output json shape.
 *
 * @param state         "created", "updated", "unchanged", or "planned" (dry run)
 * @param roleOwned     whether the role is the workshop's own (made by mysfits, removed by cleanup) or one given with --service-role
 * @param buildId       the build --start started, else null
 * @param buildStatus   its status when started, or when it ended with --wait; else null
 * @param sourceVersion the version --source-version asked for, else null
 * @param phases        with --wait: each phase, its status and duration in seconds; else empty
 * @param imagePushed   with --wait, after a successful build: the image ECR holds under the project's IMAGE_TAG, pushed
 *                      since the build started, as repository-uri:tag@digest; else null
 * @param logGroup      with --wait: where the build's log is
 * @param logTail       with --wait: its last lines
 */
public record CodeBuildResult(String service, String project, String projectArn, String role, boolean roleOwned, String sourceType,
                              String sourceLocation, String buildspec, String state, String buildId, String buildStatus,
                              String sourceVersion, List<Phase> phases, String imagePushed, String logGroup, String logStream,
                              List<String> logTail) {
    public CodeBuildResult {
        phases = phases == null ? List.of() : List.copyOf(phases);
        logTail = logTail == null ? List.of() : List.copyOf(logTail);
    }

    /** Whether --wait saw the build end other than SUCCEEDED. */
    public boolean buildFailed() {
        return !phases.isEmpty() && buildStatus != null && !"SUCCEEDED".equals(buildStatus);
    }

    /** The phase that failed, with CodeBuild's reason, for the error line. */
    public String failedPhase() {
        return phases.stream().filter(p -> p.status() != null && !"SUCCEEDED".equals(p.status())).findFirst()
                .map(p -> p.type() + (p.context() == null ? "" : " (" + p.context() + ")")).orElse("no phase");
    }
}
