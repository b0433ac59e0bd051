package dev.mysfits.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The errors AWS answers while a change is still spreading (../shared/AWS-BEHAVIOURS.md): each one means "not yet",
 * and the same call works a little later. Matched by code and by AWS's own words, which are all some carry.
 */
public final class TransientErrors {
    private TransientErrors() {
    }

    /** A new IAM role or instance profile that the calling service cannot use yet (catalogue 1, 3, 4, 8, 9, 24, 25). */
    public static final Predicate<SdkException> ROLE_NOT_YET_USABLE = e -> messageContains(e,
            "unable to assume", "is not authorized to perform: sts:assumerole", "ot authorized to perform",
            "invalid iam instance profile", "iaminstanceprofile.name is invalid", "role provided for this task");

    /** ECS's service-linked role, made on a fresh account's first cluster or service (catalogue 6). */
    public static final Predicate<SdkException> SERVICE_LINKED_ROLE = e -> messageContains(e,
            "unable to assume the service linked role");

    /** A resource just made, not yet visible to a read (catalogue 1, 16, 22, 26). */
    public static final Predicate<SdkException> NOT_YET_VISIBLE = e -> Set.of("NoSuchEntity", "TargetGroupNotFound",
            "ListenerNotFound", "RuleNotFound", "LoadBalancerNotFound", "RepositoryNotFoundException",
            "InvalidGroup.NotFound", "ClusterNotFoundException").contains(AwsErrors.code(e));

    /**
     * ECS has not yet heard of the listener or rule just made to forward to the service's target group (catalogue 7).
     * Only transient once the route exists: deploy makes it before the service.
     */
    public static final Predicate<SdkException> ROUTE_NOT_YET_KNOWN_TO_ECS = e -> messageContains(e,
            "does not have an associated load balancer");

    /**
     * Application Auto Scaling right after the service or its role is made (catalogue 24): the service not yet
     * seen, or the scalable target not yet readable by PutScalingPolicy.
     */
    public static final Predicate<SdkException> SCALING_NOT_YET_READY = e -> Set.of("FailedResourceAccessException",
            "ObjectNotFoundException").contains(AwsErrors.code(e)) || messageContains(e, "ecs service doesn't exist");

    /**
     * A security group something still uses (catalogue 21): a rule of another group, or a network interface; those of
     * stopped tasks and deleted load balancers linger for minutes after they are let go.
     */
    public static final Predicate<SdkException> GROUP_IN_USE = e -> Set.of("DependencyViolation", "InvalidGroup.InUse")
            .contains(AwsErrors.code(e));

    /** An Auto Scaling group whose instances are still there or terminating (catalogue 23). */
    public static final Predicate<SdkException> INSTANCES_IN_GROUP = e -> Set.of("ResourceInUse",
            "ScalingActivityInProgress").contains(AwsErrors.code(e));

    /** Another change to the same CloudWatch Logs group still in progress (catalogue 14). */
    public static final Predicate<SdkException> CONFLICTING_OPERATION = e -> "OperationAbortedException".equals(AwsErrors.code(e));

    /** CreateService with the name of a service that is still DRAINING (catalogue 19); the caller checks it is draining. */
    public static final Predicate<SdkException> SERVICE_NAME_NOT_FREE = e -> messageContains(e,
            "creation of service was not idempotent");

    /** Anything of this list. */
    @SafeVarargs
    public static Predicate<SdkException> anyOf(Predicate<SdkException>... kinds) {
        return e -> {
            for (Predicate<SdkException> kind : kinds) {
                if (kind.test(e)) {
                    return true;
                }
            }
            return false;
        };
    }

    static boolean messageContains(SdkException e, String... fragments) {
        String message = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null ? service.awsErrorDetails().errorMessage() : e.getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String fragment : fragments) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
