package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceNames;

import java.util.List;

/**
 * The IAM roles setup makes: the task execution role (ECS pulls images, writes logs), the task role (the app), and,
 * for the EC2 launch type, the container instances' role (the ECS agent registers the instance and runs tasks).
 */
public enum RoleKind {
    EXECUTION("task execution", "ecs-tasks.amazonaws.com",
            List.of("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"), "ECS task execution"),
    TASK("task", "ecs-tasks.amazonaws.com", List.of(), "ECS task"),
    INSTANCE("container instance", "ec2.amazonaws.com",
            List.of("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"), "ECS container instances");

    private final String label;
    private final String trustedService;
    private final List<String> policies;
    private final String description;

    RoleKind(String label, String trustedService, List<String> policies, String description) {
        this.label = label;
        this.trustedService = trustedService;
        this.policies = policies;
        this.description = description;
    }

    String label() {
        return label;
    }

    String trustedService() {
        return trustedService;
    }

    List<String> policies() {
        return policies;
    }

    String description() {
        return description;
    }

    String trustPolicy() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + trustedService + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    String roleName(ResourceNames names) {
        return switch (this) {
            case EXECUTION -> names.executionRole();
            case TASK -> names.taskRole();
            case INSTANCE -> names.instanceRole();
        };
    }
}
