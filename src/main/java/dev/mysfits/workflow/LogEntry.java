package dev.mysfits.workflow;

import java.time.Instant;

/**
 * One line of a service's logs, as it is read.
 *
 * @param task   the task (or container) that wrote it, in full; null when unknown
 * @param label  the short name shown before the line in text
 * @param stream where it came from (the log stream)
 */
public record LogEntry(Instant time, String task, String label, String stream, String message) {
}
