package dev.mysfits.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment, read once at start-up and handed down, so nothing deep in the code reads
 * System.getenv and tests can supply their own.
 */
public record Environment(Map<String, String> variables, Path workingDirectory, Path homeDirectory) {

    public static Environment ofSystem() {
        return new Environment(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
