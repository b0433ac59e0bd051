package dev.mysfits.workflow.cleanup;

import java.time.Duration;

/**
 * How long to keep trying a deletion blocked by a dependency: a few quick attempts first, then exponential backoff
 * (base, 2×base, 4×base... capped), for a bounded number of attempts. AWS frees network interfaces and target
 * registrations asynchronously: most within a few seconds, some only after a minute or two.
 *
 * @param quickAttempts how many attempts are followed by {@code quickPause} before the backoff starts
 */
public record RetryPolicy(int maxAttempts, int quickAttempts, Duration quickPause, Duration base, Duration cap) {
    /**
     * Two seconds of attempts a quarter second apart, then pauses from half a second doubling to 30 s: two minutes in
     * all, what AWS documents and Terraform allows for a target group still "in use" after its listener is deleted
     * (AWS-BEHAVIOURS 17).
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(18, 8, Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** Backoff alone, from the first pause. */
    public static RetryPolicy backoff(int maxAttempts, Duration base, Duration cap) {
        return new RetryPolicy(maxAttempts, 0, Duration.ZERO, base, cap);
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
        if (attempt <= quickAttempts) {
            return quickPause;
        }
        long millis = base.toMillis() << Math.min(attempt - quickAttempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }
}
