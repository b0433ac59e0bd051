package dev.mysfits.workflow.local;

import dev.mysfits.config.ServiceConfig;

import java.time.Duration;
import java.util.Map;

/**
 * What `mysfits run` was asked to do.
 *
 * @param hostPort    the host port to publish (the workshop file's localPort unless --port)
 * @param environment -e values, laid over the workshop file's environment
 * @param tag         --tag, or null for latest
 * @param timeout     how long to wait for the health path to answer 2xx
 */
public record RunRequest(
        ServiceConfig service,
        String workshop,
        int hostPort,
        Map<String, String> environment,
        String tag,
        Duration timeout) {
    public RunRequest {
        environment = Map.copyOf(environment);
    }
}
