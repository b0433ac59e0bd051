package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mysfits.it.CleanupFixture.build;
import static dev.mysfits.it.CleanupFixture.removeLocalImages;
import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.CleanupFixture.workshopWithOwnNames;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What labs 000 and 002 do by hand, with the AWS and Docker CLIs only: create the repository, log Docker in with
 * `aws ecr get-login-password`, tag and push. ECR must then list the push as AWS does, so that mysfits deploys it by
 * its tag; cleanup removes what mysfits made and spares what the attendee made by hand.
 */
class HandPushIT {
    private static final Pattern PUSHED_DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64}) size: \\d+");

    @Test
    void imagePushedWithTheDockerCli_isListedByEcrWithItsDigest_andDeploysByTag() throws IOException {
        TestSandbox.requireDocker();
        String ws = "hand" + suffix();
        String repository = ws + "/monolith";
        String tag = "lab" + suffix();
        String remote = TestSandbox.REGISTRY_HOST + "/" + repository + ":" + tag;
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        // The login goes into a Docker client config of this test's own, as a fresh attendee's ~/.docker would be.
        Path dockerConfig = Files.createTempDirectory(TestSandbox.target(), "hand-push-docker-");
        Map<String, String> env = new HashMap<>(TestSandbox.awsEnvironment());
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("AWS_PAGER", "");
        SortedSet<String> baseline = AwsInventory.take();
        try {
            aws("ecr", "create-repository", "--repository-name", repository);
            build(ws, ws + "-monolith:latest");
            TestSandbox.ProcessResult login = shell(env, "aws ecr get-login-password | docker login --username AWS"
                    + " --password-stdin " + TestSandbox.REGISTRY_HOST);
            assertEquals(0, login.exitCode(), login.err());
            assertTrue(login.out().contains("Login Succeeded"), login.out());
            assertTrue(Files.readString(dockerConfig.resolve("config.json")).contains(TestSandbox.REGISTRY_HOST));
            assertEquals(0, command(env, "docker", "tag", ws + "-monolith:latest", remote).exitCode());
            TestSandbox.ProcessResult push = command(env, "docker", "push", remote);
            assertEquals(0, push.exitCode(), push.err());
            Matcher printed = PUSHED_DIGEST.matcher(push.out());
            assertTrue(printed.find(), push.out());
            String digest = printed.group(1);

            JsonNode details = aws("ecr", "describe-images", "--repository-name", repository).path("imageDetails");
            assertEquals(1, details.size(), details.toString());
            assertEquals(digest, details.get(0).path("imageDigest").asText());
            assertEquals(List.of(tag), texts(details.get(0).path("imageTags")));
            assertTrue(details.get(0).path("imageSizeInBytes").asLong() > 0, details.toString());
            JsonNode byTag = aws("ecr", "batch-get-image", "--repository-name", repository, "--image-ids", "imageTag=" + tag);
            assertEquals(digest, byTag.path("images").get(0).path("imageId").path("imageDigest").asText(), byTag.toString());
            SortedSet<String> handMade = AwsInventory.take();

            cli.run("setup").ok();
            CommandHarness.Result deploy = cli.run("deploy", "monolith", "--fargate", "--tag", tag, "--poll-interval", "1s");
            deploy.ok();
            String url = deploy.out().trim();
            TestSandbox.ProcessResult curl = command(env, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                    "--max-time", "10", url);
            assertEquals("200", curl.out(), curl.err());
            JsonNode service = aws("ecs", "describe-services", "--cluster", ws, "--services", "monolith").path("services").get(0);
            JsonNode taskDefinition = aws("ecs", "describe-task-definition", "--task-definition",
                    service.path("taskDefinition").asText()).path("taskDefinition");
            assertEquals(TestSandbox.REGISTRY_HOST + "/" + repository + ":" + tag,
                    taskDefinition.path("containerDefinitions").get(0).path("image").asText(), "--tag pins the tag");

            CommandHarness.Result cleaned = cli.run("cleanup", "--yes");
            cleaned.ok();
            assertTrue(cleaned.err().contains("nothing left"), cleaned.err());
            assertEquals(handMade, AwsInventory.take(), "cleanup leaves what the attendee made by hand, and nothing of its own");

            // The attendee's own teardown: ECR deletes the image, so the registry no longer serves the tag either.
            aws("ecr", "delete-repository", "--repository-name", repository, "--force");
            assertEquals(baseline, AwsInventory.take());
            assertEquals(0, command(env, "docker", "rmi", remote).exitCode());
            TestSandbox.ProcessResult pull = command(env, "docker", "pull", remote);
            assertNotEquals(0, pull.exitCode(), pull.out());
            assertTrue(pull.err().contains("not found") || pull.err().contains("manifest unknown"), pull.err());
        } finally {
            TestSandbox.run(List.of("aws", "ecr", "delete-repository", "--repository-name", repository, "--force"), env,
                    Duration.ofMinutes(1));
            command(env, "docker", "rmi", "-f", remote);
            removeLocalImages(ws);
            LocalImages.removeEverythingOf(ws);
            deleteTree(dockerConfig);
        }
    }

    private static TestSandbox.ProcessResult shell(Map<String, String> env, String script) {
        return command(env, "bash", "-o", "pipefail", "-c", script);
    }

    private static TestSandbox.ProcessResult command(Map<String, String> env, String... args) {
        return TestSandbox.run(List.of(args), env, Duration.ofMinutes(3));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
