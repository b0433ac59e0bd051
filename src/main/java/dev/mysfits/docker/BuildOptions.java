package dev.mysfits.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the one who asks for a build chooses, like `docker build -t TAG --build-arg K=V [--no-cache]`: the same four
 * whether they are the user's flags ({@code mysfits build}) or the values a build is finally run with.
 *
 * @param timeout the bound on the whole build, not on inactivity
 */
public record BuildOptions(List<String> tags, Map<String, String> buildArgs, boolean noCache, Duration timeout) {
    public BuildOptions {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
    }

    /** The same choices with the tags and build arguments worked out from them. */
    public BuildOptions resolved(List<String> resolvedTags, Map<String, String> resolvedBuildArgs) {
        return new BuildOptions(resolvedTags, resolvedBuildArgs, noCache, timeout);
    }
}
