package dev.mysfits.aws;

/**
 * Deletes the resources cleanup found, one at a time; safe to call from several threads.
 * A resource that is already gone is not an error: it reports {@link Outcome#ALREADY_GONE}.
 */
public interface ResourceDeleter {
    enum Outcome { DELETED, ALREADY_GONE }

    /**
     * Deletes the resource and, where AWS deletes asynchronously (services, load balancers), waits, bounded,
     * until it is gone, so the next stage does not trip over it.
     *
     * @throws ResourceBusyException when something still uses it (ResourceInUse, DependencyViolation): worth a retry
     * @throws dev.mysfits.core.MysfitsException for any other failure
     */
    Outcome delete(OwnedResource resource);

    /** Points a listener's default action at a fixed 404, so its target group can go while the listener stays. */
    void resetDefaultAction(OwnedResource listener);
}
