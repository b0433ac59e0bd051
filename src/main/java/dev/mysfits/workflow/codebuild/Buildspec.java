package dev.mysfits.workflow.codebuild;

import dev.mysfits.config.ServiceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The buildspec.yml CodeBuild runs for one service, as the 003 lab's: log in to ECR with get-login-password, build,
 * tag with the commit and latest, push both, and write imagedefinitions.json for a CodePipeline ECS deploy.
 * The registry, region and repository come from the project's environment variables, so the file holds no
 * account-specific value and can be committed.
 */
public final class Buildspec {
    /** The variables the commands read; `mysfits codebuild` sets them on the project. */
    public static final List<String> VARIABLES = List.of("AWS_DEFAULT_REGION", "AWS_ACCOUNT_ID", "IMAGE_REPO_NAME", "IMAGE_TAG");

    private Buildspec() {
    }

    /**
     * @param context    the build context, relative to the source root ("samples/monolith-service", or ".")
     * @param dockerfile the Dockerfile, relative to the source root
     * @param container  the container name in the task definition, for imagedefinitions.json
     */
    public static List<String> commands(String phase, String context, String dockerfile, Map<String, String> buildArgs, String container) {
        String image = "\"$REGISTRY/$IMAGE_REPO_NAME";
        return switch (phase) {
            case "pre_build" -> List.of(
                    "echo Logging in to Amazon ECR...",
                    "REGISTRY=\"$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com\"",
                    "aws ecr get-login-password --region \"$AWS_DEFAULT_REGION\" | docker login --username AWS --password-stdin \"$REGISTRY\"",
                    // The commit the build runs on; IMAGE_TAG (the project's, default latest) when there is none.
                    "COMMIT_TAG=\"$(echo \"$CODEBUILD_RESOLVED_SOURCE_VERSION\" | cut -c 1-7)\"",
                    "VERSION_TAG=\"${COMMIT_TAG:-$IMAGE_TAG}\"");
            case "build" -> {
                List<String> build = new ArrayList<>();
                build.add("echo Build started on `date`");
                StringBuilder docker = new StringBuilder("docker build -t " + image + ":$VERSION_TAG\" -f " + shellWord(dockerfile));
                buildArgs.forEach((k, v) -> docker.append(" --build-arg ").append(shellWord(k + "=" + v)));
                docker.append(' ').append(shellWord(context));
                build.add(docker.toString());
                build.add("docker tag " + image + ":$VERSION_TAG\" " + image + ":latest\"");
                yield build;
            }
            case "post_build" -> List.of(
                    "echo Build completed on `date`",
                    "docker push " + image + ":$VERSION_TAG\"",
                    "docker push " + image + ":latest\"",
                    "printf '[{\"name\":\"%s\",\"imageUri\":\"%s\"}]' " + shellWord(container) + " " + image + ":$VERSION_TAG\" > imagedefinitions.json");
            default -> throw new IllegalArgumentException("no phase " + phase);
        };
    }

    /** The file's text. */
    public static String render(ServiceConfig service, String context, String dockerfile) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Written by `mysfits buildspec ").append(service.name()).append("`: builds ").append(context)
                .append(" and pushes it to ECR.\n");
        yaml.append("# The project sets ").append(String.join(", ", VARIABLES)).append(" (mysfits codebuild ")
                .append(service.name()).append(").\n");
        yaml.append("version: 0.2\n\nphases:\n");
        for (String phase : List.of("pre_build", "build", "post_build")) {
            yaml.append("  ").append(phase).append(":\n    commands:\n");
            for (String command : commands(phase, context, dockerfile, service.buildArgs(), service.name())) {
                yaml.append("      - ").append(yamlString(command)).append('\n');
            }
        }
        yaml.append("\nartifacts:\n  files:\n    - imagedefinitions.json\n");
        return yaml.toString();
    }

    /** A single-quoted YAML scalar: nothing inside is special but the quote itself, written twice. */
    static String yamlString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A word the shell takes literally. */
    static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_./=:@%+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
