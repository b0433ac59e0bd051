package dev.mysfits.workflow.cleanup;

import java.time.Duration;

/**
 * Exponential backoff for deletions blocked by a dependency: base, 2×base, 4×base... capped, for a bounded
 * number of attempts. AWS frees network interfaces and target registrations asynchronously, so a busy resource
 * usually frees itself within a minute.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {
    /**
     * Ten attempts, half a second apart at first, doubling to 30 s: two minutes of waits, what AWS documents and
     * Terraform allows for a target group still "in use" after its listener is deleted (AWS-BEHAVIOURS 17). The short
     * first pauses matter because most busy answers clear within a few seconds.
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** The sum of the pauses before the last attempt. */
    public Duration patience() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(delayAfter(attempt));
        }
        return total;
    }

    /** The pause after the given failed attempt (1-based). */
    public Duration delayAfter(int attempt) {
        long millis = base.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }
}
