package dev.mysfits.docker;

import java.util.List;

/** The result of a build: the full image id ("sha256:..."), its tags, and how much came from the cache. */
public record BuiltImage(String imageId, List<String> tags, int cachedSteps, int totalSteps) {
}
