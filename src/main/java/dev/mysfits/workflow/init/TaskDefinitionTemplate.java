package dev.mysfits.workflow.init;

/**
 * The task-definition templates init writes: the labs' shapes (task-defs/README.md), with the placeholders deploy
 * fills in. Fargate: awsvpc, 0.25 vCPU and 512 MiB; EC2: bridge with a dynamic host port. Both log with awslogs.
 */
final class TaskDefinitionTemplate {
    private TaskDefinitionTemplate() {
    }

    static String fargate(String container) {
        return template("""
                  "networkMode": "awsvpc",
                  "requiresCompatibilities": ["FARGATE"],
                  "cpu": "256",
                  "memory": "512",
                """, container, "");
    }

    static String ec2(String container) {
        return template("""
                  "networkMode": "bridge",
                """, container, " \"hostPort\": 0,");
    }

    private static String template(String launchTypeFields, String container, String hostPort) {
        return """
                {
                  "family": "${FAMILY}",
                %s  "executionRoleArn": "${EXECUTION_ROLE_ARN}",
                  "taskRoleArn": "${TASK_ROLE_ARN}",
                  "containerDefinitions": [
                    {
                      "name": "%s",
                      "image": "${IMAGE}",
                      "essential": true,
                      "memoryReservation": 128,
                      "portMappings": [
                        { "containerPort": ${CONTAINER_PORT},%s "protocol": "tcp" }
                      ],
                      "logConfiguration": {
                        "logDriver": "awslogs",
                        "options": {
                          "awslogs-group": "${LOG_GROUP}",
                          "awslogs-region": "${REGION}",
                          "awslogs-stream-prefix": "${SERVICE}"
                        }
                      }
                    }
                  ]
                }
                """.formatted(launchTypeFields, container, hostPort);
    }
}
