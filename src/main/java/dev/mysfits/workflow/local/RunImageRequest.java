package dev.mysfits.workflow.local;

import java.util.List;
import java.util.Map;

/**
 * What `mysfits run-image` was asked to run: an image, once, in the foreground.
 *
 * @param command     replaces the image's CMD when not empty
 * @param environment -e values
 */
public record RunImageRequest(String image, List<String> command, Map<String, String> environment) {
    public RunImageRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
