package dev.mysfits.workflow.image;

import java.util.List;

/** What `mysfits build` prints: the --output json shape. */
public record BuildResult(String service, String imageId, List<String> tags, int cachedSteps, int totalSteps, double seconds) {
}
