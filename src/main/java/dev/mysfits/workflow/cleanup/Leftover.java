package dev.mysfits.workflow.cleanup;

import dev.mysfits.aws.OwnedResource;

/** A resource cleanup could not delete, and why. */
public record Leftover(OwnedResource resource, String reason) {
}
