package dev.mysfits.workflow.cleanup;

import java.time.Duration;

/**
 * Exponential backoff for deletions blocked by a dependency: base, 2×base, 4×base... capped, for a bounded
 * number of attempts. AWS frees network interfaces and target registrations asynchronously, so a busy resource
 * usually frees itself within a minute.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {
    public static RetryPolicy standard() {
        return new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** The pause after the given failed attempt (1-based). */
    public Duration delayAfter(int attempt) {
        long millis = base.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }
}
