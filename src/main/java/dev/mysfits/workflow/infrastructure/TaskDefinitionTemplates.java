package dev.mysfits.workflow.infrastructure;

import dev.mysfits.template.TaskDefinitionDocument;

import java.nio.file.Path;
import java.util.Map;

/** Renders a service's task-definition template strictly; errors are usage errors raised before any AWS call. */
@FunctionalInterface
public interface TaskDefinitionTemplates {

    TaskDefinitionDocument render(Path template, String launchType, Map<String, String> values);
}
