package dev.mysfits.workflow.image;

import dev.mysfits.config.ServiceConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What `mysfits build` was asked to do.
 *
 * @param tags      --tag values; empty means the default tags
 * @param buildArgs --build-arg values, laid over the workshop file's buildArgs
 */
public record BuildRequest(
        ServiceConfig service,
        String workshop,
        Path workshopDirectory,
        List<String> tags,
        Map<String, String> buildArgs,
        boolean noCache,
        Duration timeout) {
    public BuildRequest {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
    }
}
