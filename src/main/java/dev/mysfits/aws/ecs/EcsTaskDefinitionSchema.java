package dev.mysfits.aws.ecs;

import dev.mysfits.template.TaskDefinitionSchema;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** The register-task-definition shape, as the SDK's request model knows it (every field of the API). */
public final class EcsTaskDefinitionSchema implements TaskDefinitionSchema {
    private final RequestModelReader reader = new RequestModelReader();

    @Override
    public void check(String file, String json) {
        reader.read(file, json);
    }

    /** The SDK request for JSON this schema accepted, as the ECS adapter sends it. */
    public RegisterTaskDefinitionRequest toRequest(String json) {
        return reader.read("task definition", json);
    }
}
