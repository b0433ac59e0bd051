package dev.mysfits.workflow.local;

import dev.mysfits.config.ServiceConfig;

/** @param workshop the workshop's name, which the local container's name carries */
public record StopRequest(ServiceConfig service, String workshop) {
}
