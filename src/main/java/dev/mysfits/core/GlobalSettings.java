package dev.mysfits.core;

import java.nio.file.Path;

/**
 * What the global options and the environment decided, once: the region, profile, endpoint, output format...
 * Built by the cli layer, handed to the factories that build clients.
 */
public record GlobalSettings(
        String region,
        String profile,
        boolean profileFromFlag,
        String endpointUrl,
        boolean debug,
        boolean color,
        OutputFormat output,
        Path configFile,
        String dockerHost,
        Path dockerConfig) {
}
