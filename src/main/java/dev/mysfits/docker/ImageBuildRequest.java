package dev.mysfits.docker;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to build: like `docker build -f DOCKERFILE --label K=V [OPTIONS] CONTEXT`.
 *
 * @param options the tags, build arguments, cache and time bound, all resolved
 */
public record ImageBuildRequest(Path contextDirectory, Path dockerfile, Map<String, String> labels, BuildOptions options) {
    public ImageBuildRequest {
        labels = Map.copyOf(labels);
    }
}
