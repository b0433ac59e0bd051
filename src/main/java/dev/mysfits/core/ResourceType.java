package dev.mysfits.core;

/** The kinds of resource mysfits creates, in the order cleanup deletes them. */
public enum ResourceType {
    SCALING_POLICY,
    SCALABLE_TARGET,
    SERVICE,
    /** A task no service runs (`task run`, or started by hand in the workshop's cluster): it keeps the cluster. */
    TASK,
    LISTENER_RULE,
    TARGET_GROUP,
    LISTENER,
    LOAD_BALANCER,
    /** Scaled to 0 and its instances gone before it is deleted: the cluster, profile, role and group follow. */
    AUTO_SCALING_GROUP,
    LAUNCH_TEMPLATE,
    /** Before its service role, which it names. */
    CODEBUILD_PROJECT,
    ECR_REPOSITORY,
    LOG_GROUP,
    /** Once the services are gone, nothing writes to it any more. */
    DYNAMODB_TABLE,
    TASK_DEFINITION,
    INSTANCE_PROFILE,
    IAM_ROLE,
    SECURITY_GROUP,
    CLUSTER
}
