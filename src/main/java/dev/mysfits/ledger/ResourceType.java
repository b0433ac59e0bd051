package dev.mysfits.ledger;

/** The kinds of resource mysfits creates, in the order cleanup deletes them. */
public enum ResourceType {
    SCALING_POLICY,
    SCALABLE_TARGET,
    SERVICE,
    LISTENER_RULE,
    TARGET_GROUP,
    LISTENER,
    LOAD_BALANCER,
    ECR_REPOSITORY,
    LOG_GROUP,
    TASK_DEFINITION,
    IAM_ROLE,
    SECURITY_GROUP,
    CLUSTER
}
