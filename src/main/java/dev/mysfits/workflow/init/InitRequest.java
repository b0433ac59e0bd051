package dev.mysfits.workflow.init;

import java.nio.file.Path;
import java.util.Map;

/**
 * @param directory the workshop directory to look in and write to
 * @param workshop  the workshop name, or null for one made from the directory's name
 * @param chosen    --service NAME=DIR choices (DIR relative to the directory); empty to propose from the Dockerfiles
 */
public record InitRequest(Path directory, String workshop, Map<String, String> chosen, boolean dryRun, boolean force) {
    public InitRequest {
        chosen = chosen == null ? Map.of() : Map.copyOf(chosen);
    }
}
