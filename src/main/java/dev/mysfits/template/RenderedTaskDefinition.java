package dev.mysfits.template;

import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * A task definition rendered from a template and checked.
 *
 * @param json    the rendered JSON text, as the AWS CLI's --cli-input-json would take it
 * @param request the same, parsed into the SDK's request model
 */
public record RenderedTaskDefinition(String json, RegisterTaskDefinitionRequest request) {
}
