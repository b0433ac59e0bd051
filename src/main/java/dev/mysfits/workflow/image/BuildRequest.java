package dev.mysfits.workflow.image;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.docker.BuildOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What `mysfits build` was asked to do.
 *
 * @param options --tag values (empty means the default tags), --build-arg values (laid over the workshop file's
 *                buildArgs), --no-cache and --timeout
 */
public record BuildRequest(ServiceConfig service, String workshop, Path workshopDirectory, BuildOptions options) {

    /** From the command's flags as they come. */
    public BuildRequest(ServiceConfig service, String workshop, Path workshopDirectory, List<String> tags,
                        Map<String, String> buildArgs, boolean noCache, Duration timeout) {
        this(service, workshop, workshopDirectory, new BuildOptions(tags, buildArgs, noCache, timeout));
    }
}
