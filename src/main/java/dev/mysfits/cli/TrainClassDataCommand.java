package dev.mysfits.cli;

import dev.mysfits.aws.AwsAdapters;
import dev.mysfits.core.WaitProgress;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.docker.DockerAdapters;
import dev.mysfits.template.TaskDefinitionRenderer;
import dev.mysfits.template.TemplatePlaceholders;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The training run for the AppCDS archive the ./mysfits launcher keeps (target/mysfits.jsa): loads the classes
 * every real command needs (SDK clients, signing and HTTP, docker-java's transport, the template renderer) by
 * building all clients and calling endpoints that refuse at once. Talks to nothing real and changes nothing.
 */
@Command(name = "train-class-data", hidden = true,
        description = "Load the classes commands use, for the launcher's class-data archive. Changes nothing.",
        mixinStandardHelpOptions = true)
final class TrainClassDataCommand extends BaseCommand {
    private static final String NOWHERE = "http://127.0.0.1:1";

    @Override
    protected void execute() throws Exception {
        GlobalSettings settings = new GlobalSettings("us-east-1", null, false, NOWHERE, false, false,
                OutputFormat.TEXT, null, null, null);
        Environment environment = new Environment(Map.of("AWS_ACCESS_KEY_ID", "training", "AWS_SECRET_ACCESS_KEY", "training"),
                Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
        try (AwsAdapters aws = new AwsAdapters(settings, environment, WaitProgress.NONE)) {
            aws.warmUp();
        }
        try (DockerAdapters docker = new DockerAdapters("tcp://127.0.0.1:1", null)) {
            docker.warmUp();
        }
        renderSampleTemplate();
    }

    private static void renderSampleTemplate() throws Exception {
        Path template = Files.createTempFile("mysfits-training", ".json");
        try {
            Files.writeString(template, """
                    {"family": "${FAMILY}", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                     "cpu": "256", "memory": "512",
                     "containerDefinitions": [{"name": "app", "image": "${IMAGE}", "essential": true,
                       "portMappings": [{"containerPort": ${CONTAINER_PORT}, "protocol": "tcp"}]}]}
                    """);
            Map<String, String> values = new HashMap<>();
            TemplatePlaceholders.ALL.forEach(name -> values.put(name, "x"));
            values.put(TemplatePlaceholders.CONTAINER_PORT, "80");
            new TaskDefinitionRenderer(AwsAdapters.taskDefinitionSchema()).render(template, "fargate", values);
        } finally {
            Files.deleteIfExists(template);
        }
    }
}
