package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.core.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CodeBuild to the end, as the 003 lab runs it: the sandbox runs the build (its phases, one shell, the project's
 * variables, the sandbox's Docker engine), `codebuild --start --wait` follows it, and the AWS CLI and docker CLI check
 * what it did. The source is an S3 object, as CodeBuild's S3 source type takes it: nothing here reaches GitHub.
 */
class CodeBuildWaitIT {
    private static final String WORKSHOP = LocalImages.unique("cbw-it");
    private static final String REPOSITORY = WORKSHOP + "/inv";
    private static final String BUCKET = WORKSHOP + "-src";
    private static final String PROJECT = WORKSHOP + "-inv";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path repo;

    @AfterAll
    static void removeEverything() {
        LocalImages.removeEverythingOf(WORKSHOP);
        TestSandbox.run(List.of("docker", "rmi", "-f", "123456789012.dkr.ecr." + TestSandbox.REGION + ".amazonaws.com/" + REPOSITORY + ":latest"),
                Map.of(), Duration.ofSeconds(30));
    }

    @Test
    void startWait_followsTheBuildToItsEnd_pushesTheImage_andAFailingBuildExits1WithItsLogTail() throws Exception {
        repo = LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/inventory-service"));
        Path config = repo.resolve("mysfits.json");
        Files.writeString(config, Files.readString(config).replace("\"trash-can\"", "\"" + WORKSHOP + "\"")
                .replace("\"repository\": \"trash-can/inv\"", "\"repository\": \"" + REPOSITORY + "\""));
        git("init", "-q");
        CommandHarness cli = TestSandbox.harness(repo);
        cli.run("buildspec", "inv").ok();
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "inventory service");
        TestSandbox.aws("s3api", "create-bucket", "--bucket", BUCKET);
        upload();
        TestSandbox.aws("ecr", "create-repository", "--repository-name", REPOSITORY);

        CommandHarness.Result usage = cli.run("codebuild", "inv", "--wait");
        assertEquals(ExitCode.USAGE.code(), usage.exitCode(), usage.err());
        assertTrue(usage.err().contains("Error: --wait follows a build that --start starts"), usage.err());

        // A build that succeeds: phases on stderr as they end, the pushed image and the log's tail.
        long started = System.nanoTime();
        CommandHarness.Result built = cli.run("codebuild", "inv", "--source-type", "S3", "--source-location", BUCKET + "/source.zip",
                "--start", "--wait", "--poll-interval", "500ms", "--output", "json").ok();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        JsonNode result = JSON.readTree(built.out());
        assertEquals("SUCCEEDED", result.get("buildStatus").asText(), built.err());
        List<String> phases = new ArrayList<>();
        result.get("phases").forEach(p -> phases.add(p.get("type").asText()));
        assertTrue(phases.containsAll(List.of("SUBMITTED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD")),
                phases.toString());
        result.get("phases").forEach(p -> {
            if (!p.get("type").asText().equals("COMPLETED")) {
                assertEquals("SUCCEEDED", p.get("status").asText(), p.toString());
                assertTrue(p.get("durationSeconds").asLong() <= seconds, p.toString());
            }
        });
        for (String phase : List.of("DOWNLOAD_SOURCE", "PRE_BUILD", "BUILD", "POST_BUILD")) {
            assertTrue(built.err().lines().anyMatch(l -> l.strip().startsWith(phase) && l.contains("SUCCEEDED")), phase + " shown: " + built.err());
        }
        String image = result.get("imagePushed").asText();
        assertTrue(image.startsWith("123456789012.dkr.ecr." + TestSandbox.REGION + ".amazonaws.com/" + REPOSITORY + ":latest@sha256:"), image);
        assertTrue(result.get("logTail").toString().contains("Phase complete: POST_BUILD State: SUCCEEDED"), result.get("logTail").toString());
        assertEquals("/aws/codebuild/" + PROJECT, result.get("logGroup").asText());

        // Independently: ECR lists the image under that digest, CloudWatch Logs has the build's stream, CodeBuild says SUCCEEDED.
        JsonNode pushed = TestSandbox.aws("ecr", "describe-images", "--repository-name", REPOSITORY).path("imageDetails");
        assertEquals(1, pushed.size(), pushed.toString());
        assertEquals(image.substring(image.indexOf('@') + 1), pushed.get(0).get("imageDigest").asText());
        assertTrue(pushed.get(0).get("imageTags").toString().contains("latest"), pushed.toString());
        JsonNode build = TestSandbox.aws("codebuild", "batch-get-builds", "--ids", result.get("buildId").asText()).at("/builds/0");
        assertEquals("SUCCEEDED", build.get("buildStatus").asText());
        JsonNode events = TestSandbox.aws("logs", "get-log-events", "--log-group-name", "/aws/codebuild/" + PROJECT,
                "--log-stream-name", result.get("logStream").asText());
        assertTrue(events.toString().contains("Running command docker build"), "the build's commands are in its log");

        // A build whose command fails: exit 1, the failed phase named, the log's tail shown.
        Files.writeString(repo.resolve("buildspec.yml"), Files.readString(repo.resolve("buildspec.yml"))
                .replaceFirst("(?m)^  build:\n    commands:\n", "  build:\n    commands:\n      - echo about to fail && test -f no-such-file\n"));
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "a failing build");
        upload();
        CommandHarness.Result failed = cli.run("codebuild", "inv", "--source-type", "S3", "--source-location", BUCKET + "/source.zip",
                "--start", "--wait", "--poll-interval", "500ms");
        assertEquals(ExitCode.FAILED.code(), failed.exitCode(), failed.err());
        List<String> errLines = failed.err().lines().toList();
        assertTrue(errLines.get(errLines.size() - 2).startsWith("Error: build " + PROJECT + ":"), failed.err());
        assertTrue(errLines.get(errLines.size() - 2).contains("FAILED in BUILD (COMMAND_EXECUTION_ERROR"), failed.err());
        assertTrue(errLines.get(errLines.size() - 1).startsWith("Hint: its whole log: aws logs get-log-events"), failed.err());
        assertTrue(failed.err().contains("about to fail"), "the log's tail: " + failed.err());
        assertTrue(failed.err().contains("Phase complete: BUILD State: FAILED"), failed.err());
        assertFalse(failed.err().contains("at dev.mysfits"), "no stack trace");

        // A service role that exists is used as it is; one that does not is refused before anything changes.
        CommandHarness.Result missingRole = cli.run("codebuild", "inv", "--source-type", "S3", "--source-location", BUCKET + "/source.zip",
                "--service-role", WORKSHOP + "-nobody");
        assertEquals(ExitCode.PRECONDITION.code(), missingRole.exitCode(), missingRole.err());
        assertTrue(missingRole.err().contains("Error: IAM role " + WORKSHOP + "-nobody does not exist"), missingRole.err());
        assertTrue(missingRole.err().contains("Hint: "), missingRole.err());
        String teamRole = WORKSHOP + "-team";
        TestSandbox.aws("iam", "create-role", "--role-name", teamRole, "--assume-role-policy-document",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"codebuild.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
        CommandHarness.Result withRole = cli.run("codebuild", "inv", "--source-type", "S3", "--source-location", BUCKET + "/source.zip",
                "--service-role", teamRole, "--output", "json").ok();
        assertEquals("updated", JSON.readTree(withRole.out()).get("state").asText());
        assertEquals("arn:aws:iam::123456789012:role/" + teamRole,
                TestSandbox.aws("codebuild", "batch-get-projects", "--names", PROJECT).at("/projects/0/serviceRole").asText());
        assertEquals(0, TestSandbox.aws("iam", "list-role-policies", "--role-name", teamRole).get("PolicyNames").size(),
                "mysfits put no policy on a role it did not make");

        cli.run("cleanup", "--yes").ok();
        assertEquals(0, TestSandbox.aws("codebuild", "list-projects").get("projects").size());
        assertFalse(TestSandbox.aws("logs", "describe-log-groups").toString().contains("/aws/codebuild/" + PROJECT),
                "the build's log group went with the project");
        assertFalse(TestSandbox.aws("iam", "list-roles").toString().contains(WORKSHOP + "-codebuild"), "the workshop's role is gone");
        assertEquals(teamRole, TestSandbox.aws("iam", "get-role", "--role-name", teamRole).at("/Role/RoleName").asText(),
                "cleanup left the role it did not make");
        TestSandbox.aws("iam", "delete-role", "--role-name", teamRole);
        TestSandbox.aws("ecr", "delete-repository", "--repository-name", REPOSITORY, "--force"); // made by hand above
        TestSandbox.aws("s3api", "delete-object", "--bucket", BUCKET, "--key", "source.zip");
        TestSandbox.aws("s3api", "delete-bucket", "--bucket", BUCKET);
    }

    /** The repository at HEAD as CodeBuild's S3 source takes it: a zip at the bucket's key. */
    private static void upload() {
        Path zip = repo.getParent().resolve(WORKSHOP + "-source.zip");
        git("archive", "--format", "zip", "-o", zip.toString(), "HEAD");
        TestSandbox.aws("s3api", "put-object", "--bucket", BUCKET, "--key", "source.zip", "--body", zip.toString());
    }

    private static String git(String... args) {
        return TestSandbox.git(repo, args);
    }

}
