package dev.mysfits.workflow.init;

import java.nio.file.Path;

/**
 * A service init proposes for one Dockerfile.
 *
 * @param context       the build context (the Dockerfile's directory), relative to the workshop directory
 * @param containerPort the first port the Dockerfile EXPOSEs, 80 when it exposes none
 */
public record ServiceCandidate(String name, Path context, String dockerfile, int containerPort, String repository) {
}
