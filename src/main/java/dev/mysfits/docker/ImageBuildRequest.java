package dev.mysfits.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to build: like `docker build -f DOCKERFILE --build-arg K=V -t TAG --label K=V [--no-cache] CONTEXT`.
 *
 * @param timeout the bound on the whole build, not on inactivity
 */
public record ImageBuildRequest(
        Path contextDirectory,
        Path dockerfile,
        Map<String, String> buildArgs,
        List<String> tags,
        Map<String, String> labels,
        boolean noCache,
        Duration timeout) {
    public ImageBuildRequest {
        buildArgs = Map.copyOf(buildArgs);
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
    }
}
