package dev.mysfits.template;

/**
 * Checks rendered JSON against the shape register-task-definition takes, as the AWS CLI's --cli-input-json does:
 * unknown fields and values of the wrong type are usage errors naming the file, the line and the field. The ECS
 * adapter implements it with the SDK's request model, so the template package needs no SDK type.
 */
@FunctionalInterface
public interface TaskDefinitionSchema {
    void check(String file, String json);
}
