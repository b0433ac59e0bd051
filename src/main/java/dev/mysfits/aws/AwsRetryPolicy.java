package dev.mysfits.aws;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one retry policy for every AWS call mysfits makes (README, "When AWS fails").
 *
 * <ul>
 *   <li>The SDK's standard strategy decides what is retryable: throttling, 5xx, and connections that fail or reset.</li>
 *   <li>Up to {@value #MAX_ATTEMPTS} attempts, with exponential backoff and full jitter: 100 ms doubling to at most
 *       {@code MAX_BACKOFF} (throttling waits from 500 ms). With one call in five failing, the chance that eight
 *       attempts in a row fail is about 1 in 390,000.</li>
 *   <li>Bounded: an attempt gets {@code ATTEMPT_TIMEOUT}, a call with all its retries {@code CALL_TIMEOUT}; nothing
 *       hangs on an endpoint that does not answer.</li>
 *   <li>No retry quota (the SDK's circuit breaker): a CLI makes a few hundred calls and must finish them.</li>
 * </ul>
 * A mutation whose connection reset may still have happened. Creates by name are safe to repeat: each adapter takes
 * "already exists" from a repeat as the thing it made. CreateService carries a client token. RegisterTaskDefinition,
 * which AWS never deduplicates, goes through {@link #lookBeforeRetrying}.
 */
public final class AwsRetryPolicy {
    public static final int MAX_ATTEMPTS = 8;
    static final Duration BASE_DELAY = Duration.ofMillis(100);
    static final Duration THROTTLED_BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

    private AwsRetryPolicy() {
    }

    public static StandardRetryStrategy strategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLED_BASE_DELAY, MAX_BACKOFF))
                .circuitBreakerEnabled(false)
                .build();
    }

    /** Throttling, 5xx, and failures on the way (a dropped connection): what is worth another attempt. */
    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.statusCode() >= 500 || service.isThrottlingException();
        }
        return e instanceof SdkClientException;
    }

    /**
     * For a call AWS does not make idempotent (RegisterTaskDefinition adds a revision each time): the attempt runs
     * without the SDK's retries, and before each new attempt {@code madeMeanwhile} looks whether a lost answer hid
     * a success. The workshop lock makes anything new there ours.
     */
    public static <T> T lookBeforeRetrying(Supplier<T> attempt, Supplier<Optional<T>> madeMeanwhile) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (SdkException e) {
                if (!retryable(e) || tried >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
            long ceiling = Math.min(MAX_BACKOFF.toMillis(), BASE_DELAY.toMillis() << Math.min(tried, 10));
            try {
                Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling + 1));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw SdkClientException.create("interrupted between attempts", interrupted);
            }
            Optional<T> made = madeMeanwhile.get();
            if (made.isPresent()) {
                return made.get();
            }
        }
    }

    static ClientOverrideConfiguration.Builder apply(ClientOverrideConfiguration.Builder builder) {
        return builder.retryStrategy(strategy()).apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT);
    }
}
