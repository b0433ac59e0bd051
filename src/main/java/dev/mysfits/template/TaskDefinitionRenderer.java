package dev.mysfits.template;

import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a task-definition template strictly and checks it against register-task-definition's schema and the launch type's
 * rules (Fargate's or EC2's). Every problem is a usage error naming the file, the line or key, and the fix, and
 * it is raised before any AWS call.
 */
public final class TaskDefinitionRenderer {
    private final Path baseDirectory;
    private final TaskDefinitionSchema schema;

    public TaskDefinitionRenderer(TaskDefinitionSchema schema) {
        this(schema, null);
    }

    /** File names in errors are shown relative to this directory (e.g. the workshop directory) when under it. */
    public TaskDefinitionRenderer(TaskDefinitionSchema schema, Path baseDirectory) {
        this.schema = schema;
        this.baseDirectory = baseDirectory == null ? null : baseDirectory.toAbsolutePath().normalize();
    }

    /**
     * @param template   the template file
     * @param launchType "fargate" or "ec2"
     * @param values     placeholder name -> value; a null value counts as unset
     */
    public TaskDefinitionDocument render(Path template, String launchType, Map<String, String> values) {
        String file = displayName(template);
        String type = launchType == null ? "" : launchType.toLowerCase(Locale.ROOT);
        if (!type.equals("fargate") && !type.equals("ec2")) {
            throw MysfitsException.usage("launch type '" + launchType + "' is not one mysfits deploys to",
                    "use --fargate or --ec2");
        }
        String text = read(template, file);
        String json = new PlaceholderSubstitution(file, values).render(text);
        schema.check(file, json);
        TaskDefinitionDocument document = TaskDefinitionDocument.parse(json);
        new TaskDefinitionRules(file, json).check(type, document);
        return document;
    }

    private static String read(Path template, String file) {
        try {
            return Files.readString(template, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw MysfitsException.usage("task-definition template " + file + " does not exist",
                    "point taskDefinitions in mysfits.json at an existing file, or copy one from task-defs/");
        } catch (MalformedInputException e) {
            throw MysfitsException.usage("task-definition template " + file + " is not UTF-8 text",
                    "save it as UTF-8 JSON");
        } catch (IOException e) {
            throw MysfitsException.usage("cannot read task-definition template " + file + ": " + e.getMessage(),
                    "check that the file is readable");
        }
    }

    private String displayName(Path template) {
        Path absolute = template.toAbsolutePath().normalize();
        if (baseDirectory != null && absolute.startsWith(baseDirectory)) {
            return baseDirectory.relativize(absolute).toString();
        }
        return template.toString();
    }
}
