package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.core.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CodeBuild as the 003 lab uses it. moto records projects and builds but runs none, so the buildspec is read as
 * YAML and its commands are run here the way CodeBuild runs them (one shell, the project's variables), with the
 * real AWS CLI and docker against the sandbox: the image they push is then checked in ECR with the AWS CLI.
 */
class CodeBuildIT {
    private static final String WORKSHOP = LocalImages.unique("cb-it");
    private static final String REPOSITORY = WORKSHOP + "/inv";
    private static Path repo;

    @AfterAll
    static void removeEverything() {
        LocalImages.removeEverythingOf(WORKSHOP);
    }

    @Test
    void buildspecAndProject_theBuildsCommandsPushTheImage_cleanupRemovesProjectAndRole() throws Exception {
        repo = LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/inventory-service"));
        Path config = repo.resolve("mysfits.json");
        Files.writeString(config, Files.readString(config).replace("\"trash-can\"", "\"" + WORKSHOP + "\"")
                .replace("\"repository\": \"trash-can/inv\"", "\"repository\": \"" + REPOSITORY + "\""));
        git("init", "-q");
        git("remote", "add", "origin", "git@github.com:example/inventory.git");
        CommandHarness cli = TestSandbox.harness(repo);

        CommandHarness.Result noBuildspec = cli.run("codebuild", "inv");
        assertEquals(ExitCode.PRECONDITION.code(), noBuildspec.exitCode(), noBuildspec.err());
        assertTrue(noBuildspec.err().contains("Hint: write it with mysfits buildspec inv"), noBuildspec.err());

        cli.run("buildspec", "inv").ok();
        CommandHarness.Result again = cli.run("buildspec", "inv").ok();
        assertTrue(again.err().contains("is up to date"), again.err());
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "inventory service");
        String sha = git("rev-parse", "HEAD").strip();

        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(repo.resolve("buildspec.yml").toFile());
        assertEquals("0.2", spec.get("version").asText());
        assertEquals("imagedefinitions.json", spec.at("/artifacts/files/0").asText());
        List<String> commands = new ArrayList<>();
        for (String phase : List.of("pre_build", "build", "post_build")) {
            spec.at("/phases/" + phase + "/commands").forEach(c -> commands.add(c.asText()));
        }
        assertTrue(commands.stream().anyMatch(c -> c.contains("aws ecr get-login-password") && c.contains("docker login --username AWS --password-stdin")), commands.toString());

        cli.run("codebuild", "inv", "--dry-run").ok();
        assertEquals(0, TestSandbox.aws("codebuild", "list-projects").get("projects").size(), "a dry run creates nothing");
        CommandHarness.Result created = cli.run("codebuild", "inv", "--start", "--output", "json").ok();
        JsonNode result = new ObjectMapper().readTree(created.out());
        assertEquals("created", result.get("state").asText());
        assertEquals("GITHUB", result.get("sourceType").asText());
        assertEquals("https://github.com/example/inventory.git", result.get("sourceLocation").asText());

        JsonNode project = TestSandbox.aws("codebuild", "batch-get-projects", "--names", WORKSHOP + "-inv").at("/projects/0");
        assertEquals("buildspec.yml", project.at("/source/buildspec").asText());
        assertEquals("arn:aws:iam::123456789012:role/" + WORKSHOP + "-codebuild", project.get("serviceRole").asText());
        assertTrue(project.at("/environment/privilegedMode").asBoolean(), "docker needs a privileged build");
        Map<String, String> variables = new HashMap<>();
        project.at("/environment/environmentVariables").forEach(v -> variables.put(v.get("name").asText(), v.get("value").asText()));
        assertEquals(REPOSITORY, variables.get("IMAGE_REPO_NAME"));
        JsonNode builds = TestSandbox.aws("codebuild", "list-builds-for-project", "--project-name", WORKSHOP + "-inv");
        assertEquals(result.get("buildId").asText(), builds.at("/ids/0").asText(), "--start started a build");
        JsonNode role = TestSandbox.aws("iam", "get-role-policy", "--role-name", WORKSHOP + "-codebuild", "--policy-name", "build-inv");
        assertTrue(role.toString().contains("repository/" + REPOSITORY), "the role pushes to this service's repository only");

        CommandHarness.Result unchanged = cli.run("codebuild", "inv", "--output", "json").ok();
        assertEquals("unchanged", new ObjectMapper().readTree(unchanged.out()).get("state").asText());

        // What CodeBuild would run: every command in one shell, with the project's variables and the commit.
        TestSandbox.aws("ecr", "create-repository", "--repository-name", REPOSITORY);
        Path dockerConfig = Files.createTempDirectory("mysfits-codebuild-docker");
        Map<String, String> env = new HashMap<>(TestSandbox.awsEnvironment());
        env.putAll(variables);
        env.put("CODEBUILD_RESOLVED_SOURCE_VERSION", sha);
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("DOCKER_BUILDKIT", "0");
        TestSandbox.ProcessResult build = TestSandbox.run(List.of("sh", "-ec", String.join("\n", commands)), env,
                Duration.ofMinutes(5), repo);
        assertEquals(0, build.exitCode(), build.out() + build.err());
        // ECR lists what the build's docker push sent, as it lists every push: both tags, one image.
        JsonNode pushed = TestSandbox.aws("ecr", "describe-images", "--repository-name", REPOSITORY).path("imageDetails");
        assertEquals(1, pushed.size(), pushed.toString());
        List<String> tags = new ArrayList<>();
        pushed.get(0).path("imageTags").forEach(t -> tags.add(t.asText()));
        assertEquals(java.util.Set.of("latest", sha.substring(0, 7)), java.util.Set.copyOf(tags), pushed.toString());
        // And the registry serves both tags.
        String registry = "123456789012.dkr.ecr." + variables.get("AWS_DEFAULT_REGION") + ".amazonaws.com/" + REPOSITORY;
        for (String tag : List.of(sha.substring(0, 7), "latest")) {
            TestSandbox.ProcessResult manifest = TestSandbox.run(List.of("docker", "manifest", "inspect", registry + ":" + tag),
                    env, Duration.ofSeconds(30));
            assertEquals(0, manifest.exitCode(), "pushed as " + tag + ": " + manifest.err());
            assertTrue(manifest.out().contains("\"layers\""), manifest.out());
        }
        JsonNode definitions = new ObjectMapper().readTree(repo.resolve("imagedefinitions.json").toFile());
        assertEquals("inv", definitions.at("/0/name").asText());
        assertTrue(definitions.at("/0/imageUri").asText().endsWith(".amazonaws.com/" + REPOSITORY + ":" + sha.substring(0, 7)));

        CommandHarness.Result cleanup = cli.run("cleanup", "--yes").ok();
        assertTrue(cleanup.err().contains("CodeBuild project " + WORKSHOP + "-inv"), cleanup.err());
        assertEquals(0, TestSandbox.aws("codebuild", "list-projects").get("projects").size());
        assertFalse(TestSandbox.aws("iam", "list-roles").toString().contains(WORKSHOP + "-codebuild"), "the role is gone");
    }

    private static String git(String... args) {
        return TestSandbox.git(repo, args);
    }

}
