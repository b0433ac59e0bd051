package dev.mysfits.workflow.codebuild;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;

import java.nio.file.Path;

/**
 * @param file  where to write the buildspec; null for the service's context/buildspec.yml
 * @param force replace a buildspec that is not mysfits' own
 */
public record BuildspecRequest(WorkshopConfig workshop, ServiceConfig service, Path file, boolean force, boolean dryRun) {
}
