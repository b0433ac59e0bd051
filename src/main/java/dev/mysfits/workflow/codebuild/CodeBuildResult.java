package dev.mysfits.workflow.codebuild;

/**
 * What `mysfits codebuild` did: the --output json shape.
 *
 * @param state       "created", "updated", "unchanged", or "planned" (dry run)
 * @param buildId     the build --start started, else null
 * @param buildStatus its status when started, else null
 */
public record CodeBuildResult(String service, String project, String projectArn, String role, String sourceType,
                              String sourceLocation, String buildspec, String state, String buildId, String buildStatus) {
}
