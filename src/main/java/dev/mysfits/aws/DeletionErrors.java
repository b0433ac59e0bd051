package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;
import java.util.function.Supplier;

/** Sorts a failed delete: gone already (fine), still in use (retry), or a real error (wrapped with context). */
public final class DeletionErrors {
    private static final Set<String> GONE = Set.of("ResourceNotFoundException", "NoSuchEntity",
            "ObjectNotFoundException", "ServiceNotFoundException", "ServiceNotActiveException", "ClusterNotFoundException",
            "RepositoryNotFoundException", "TargetGroupNotFound", "ListenerNotFound", "RuleNotFound",
            "LoadBalancerNotFound", "InvalidGroup.NotFound", "InvalidGroupId.NotFound");
    private static final Set<String> BUSY = Set.of("ResourceInUse", "ResourceInUseException", "DependencyViolation",
            "DeleteConflict", "ClusterContainsServicesException", "ClusterContainsTasksException",
            "ClusterContainsContainerInstancesException", "ConcurrentUpdateException", "InvalidGroup.InUse",
            "OperationAbortedException", "UpdateInProgressException");

    private DeletionErrors() {
    }

    public static boolean gone(SdkException e) {
        String code = AwsErrors.code(e);
        String message = String.valueOf(e.getMessage());
        // ECS answers a deregister of a revision that no longer exists with a ClientException.
        return GONE.contains(code)
                || ("ClientException".equals(code) && message.contains("Unable to describe task definition"));
    }

    public static boolean busy(SdkException e) {
        return BUSY.contains(AwsErrors.code(e));
    }

    /** Runs a delete: DELETED when it works, ALREADY_GONE when AWS says it is not there; busy or wrapped otherwise. */
    public static ResourceDeleter.Outcome deleteOrGone(String doing, Runnable delete) {
        return decideOrGone(doing, () -> {
            delete.run();
            return ResourceDeleter.Outcome.DELETED;
        });
    }

    /** As {@link #deleteOrGone}, for a delete that looks first and may itself find the resource gone. */
    public static ResourceDeleter.Outcome decideOrGone(String doing, Supplier<ResourceDeleter.Outcome> delete) {
        try {
            return delete.get();
        } catch (SdkException e) {
            return handle(doing, e);
        }
    }

    /** What to do with a failed delete: returns ALREADY_GONE, or throws busy / wrapped. */
    public static ResourceDeleter.Outcome handle(String doing, SdkException e) {
        if (gone(e)) {
            return ResourceDeleter.Outcome.ALREADY_GONE;
        }
        if (busy(e)) {
            throw new ResourceBusyException(doing + ": still in use (" + AwsErrors.code(e) + ")", e);
        }
        throw AwsErrors.wrap(doing, e);
    }

    /**
     * A step before the delete itself (detach a policy, take a role out of a profile). Its "not found" means the step
     * is done, perhaps by an attempt whose answer was lost; it must not read as the resource being gone.
     */
    public static void preliminary(Runnable step) {
        try {
            step.run();
        } catch (SdkException e) {
            if (!gone(e)) {
                throw e;
            }
        }
    }

}
