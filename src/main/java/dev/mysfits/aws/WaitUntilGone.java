package dev.mysfits.aws;

import dev.mysfits.core.Sleeper;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls until AWS no longer shows a deleted resource (a draining service, a load balancer whose interfaces hold
 * security groups), bounded: past the bound the caller decides whether that is an error.
 */
public final class WaitUntilGone {
    private final Sleeper sleeper;
    private final Duration timeout;
    private final Duration pollInterval;

    public WaitUntilGone(Sleeper sleeper, Duration timeout, Duration pollInterval) {
        this.sleeper = sleeper;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /**
     * @param doing what is looked at, for the error when looking fails
     * @param gone  true once the resource is gone; AWS answering "not found" counts as gone
     * @return whether it went before the bound
     */
    public boolean await(String doing, BooleanSupplier gone) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (gone.getAsBoolean()) {
                    return true;
                }
            } catch (SdkException e) {
                if (DeletionErrors.gone(e)) {
                    return true;
                }
                throw AwsErrors.wrap(doing, e);
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting: " + doing, e);
            }
        }
    }
}
