package dev.mysfits.docker;

import java.time.Duration;

/**
 * Which logs to read: like `docker logs [--follow] [--tail N]`.
 *
 * @param tail    the last N lines, or null for all
 * @param timeout bound on reading when not following; following lasts until the container stops or Ctrl-C
 */
public record LogQuery(boolean follow, Integer tail, Duration timeout) {
}
