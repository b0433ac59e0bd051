package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Looks until AWS no longer shows a deleted resource (a draining service, a stopping task, a load balancer whose
 * interfaces hold security groups), as {@link Eventually} looks, bounded: past the bound the caller decides whether
 * that is an error.
 */
public final class WaitUntilGone {
    private final Eventually eventually;
    private final Duration bound;

    public WaitUntilGone(Eventually eventually, Duration bound) {
        this.eventually = eventually;
        this.bound = bound;
    }

    /**
     * @param waitingFor what the wait is for, as the user reads it ("service like to drain")
     * @param doing      what is looked at, for the error when looking fails
     * @param gone       true once the resource is gone; AWS answering "not found" counts as gone
     * @return whether it went before the bound
     */
    public boolean await(String waitingFor, String doing, BooleanSupplier gone) {
        return eventually.within(waitingFor, bound, () -> {
            try {
                return gone.getAsBoolean();
            } catch (SdkException e) {
                if (DeletionErrors.gone(e)) {
                    return true;
                }
                throw AwsErrors.wrap(doing, e);
            }
        });
    }

    /**
     * The wait that follows a delete: only when it deleted something, as {@link #await} waits.
     *
     * @return whether it went before the bound; true when there was nothing to wait for (already gone)
     */
    public boolean afterDelete(ResourceDeleter.Outcome outcome, String waitingFor, String doing, BooleanSupplier gone) {
        return outcome != ResourceDeleter.Outcome.DELETED || await(waitingFor, doing, gone);
    }
}
