package dev.mysfits.workflow.setup;

/** The two IAM roles a task uses: the execution role (ECS pulls images, writes logs) and the task role (the app). */
public enum RoleKind {
    EXECUTION, TASK
}
