package dev.mysfits.workflow.deploy;

import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

import java.nio.file.Path;
import java.util.Map;

/** Renders a service's task-definition template strictly; errors are usage errors raised before any AWS call. */
@FunctionalInterface
public interface TaskDefinitionTemplates {

    /** @param json the rendered JSON, as sent (the --cli-input-json shape) */
    record Rendered(String json, RegisterTaskDefinitionRequest request) {
    }

    Rendered render(Path template, String launchType, Map<String, String> values);
}
