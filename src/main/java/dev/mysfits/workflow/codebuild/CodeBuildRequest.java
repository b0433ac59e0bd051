package dev.mysfits.workflow.codebuild;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.ServiceConfig;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What `mysfits codebuild` was asked to do.
 *
 * @param sourceType     GITHUB, CODECOMMIT, BITBUCKET, S3..., or null to tell from the location
 * @param sourceLocation the repository URL, or null for git's origin
 * @param buildspec      the buildspec file, or null for the one `mysfits buildspec` writes
 * @param sourceVersion  the branch, tag or commit --start builds, or null for the project's default
 * @param serviceRole    an existing IAM role (name or ARN) to use as it is, or null for the workshop's own
 * @param waitTimeout    how long --wait follows the build
 * @param pollInterval   the first pause between two looks at the build (it grows)
 */
public record CodeBuildRequest(WorkshopConfig workshop, ServiceConfig service, String sourceType, String sourceLocation, Path buildspec,
                               String image, String computeType, boolean start, boolean dryRun, String sourceVersion,
                               String serviceRole, boolean waitForBuild, Duration waitTimeout, Duration pollInterval) {

    /** The project only, or --start without following: as the command has always taken it. */
    public CodeBuildRequest(WorkshopConfig workshop, ServiceConfig service, String sourceType, String sourceLocation, Path buildspec,
                            String image, String computeType, boolean start, boolean dryRun) {
        this(workshop, service, sourceType, sourceLocation, buildspec, image, computeType, start, dryRun, null, null, false,
                Duration.ofMinutes(30), Duration.ofSeconds(2));
    }
}
