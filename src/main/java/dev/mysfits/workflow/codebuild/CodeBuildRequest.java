package dev.mysfits.workflow.codebuild;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.ServiceConfig;

import java.nio.file.Path;

/**
 * What `mysfits codebuild` was asked to do.
 *
 * @param sourceType     GITHUB, CODECOMMIT, BITBUCKET, S3..., or null to tell from the location
 * @param sourceLocation the repository URL, or null for git's origin
 * @param buildspec      the buildspec file, or null for the one `mysfits buildspec` writes
 */
public record CodeBuildRequest(WorkshopConfig workshop, ServiceConfig service, String sourceType, String sourceLocation, Path buildspec,
                               String image, String computeType, boolean start, boolean dryRun) {
}
