package dev.mysfits.workflow.local;

import java.util.List;
import java.util.Map;

/**
 * What `mysfits run-image` was asked to run: an image, once, in the foreground.
 *
 * @param command     replaces the image's CMD when not empty
 * @param environment   -e values
 * @param collectOutput keep what the container writes for the result (--output json) instead of streaming it
 */
public record RunImageRequest(String image, List<String> command, Map<String, String> environment, boolean collectOutput) {
    public RunImageRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** Its output streamed as it comes. */
    public RunImageRequest(String image, List<String> command, Map<String, String> environment) {
        this(image, command, environment, false);
    }
}
