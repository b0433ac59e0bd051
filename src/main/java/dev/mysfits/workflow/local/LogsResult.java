package dev.mysfits.workflow.local;

/** Whose local logs were shown: the service and its container. The lines went out as they were read. */
public record LogsResult(String service, String container) {
}
