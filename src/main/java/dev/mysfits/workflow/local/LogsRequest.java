package dev.mysfits.workflow.local;

import dev.mysfits.config.ServiceConfig;

import java.time.Duration;

/** What `mysfits logs --local` was asked to show: --tail N lines (null = all), --follow. */
public record LogsRequest(ServiceConfig service, String workshop, boolean follow, Integer tail, Duration timeout) {
}
