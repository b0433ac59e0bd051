package dev.mysfits.workflow.lab;

import java.nio.file.Path;
import java.util.List;

/** Runs one mysfits command, as a user would type it, in a workshop; gives its exit code. The cli provides it. */
@FunctionalInterface
public interface CommandRunner {
    int run(Path workshopFile, List<String> arguments);
}
