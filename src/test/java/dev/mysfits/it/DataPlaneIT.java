package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a deploy serves, checked from outside: curl-like requests through the load balancer's DNS name, the docker
 * CLI for the containers, and the AWS CLI for ECS's records. The sandbox's data plane runs the tasks.
 */
class DataPlaneIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAST = "--poll-interval=1s";

    @Test
    void editBuildPushDeploy_theLoadBalancerServesTheNewCodeAndNoLongerTheOld() throws Exception {
        DeployFixture ws = new DeployFixture("dpedit").setup();
        Path context = LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/monolith-service"));
        ws.editConfig(config -> ((ObjectNode) config.get("services").get("monolith"))
                .put("context", context.toString()).put("image", "dpedit-monolith"));
        ws.run("build", "monolith").ok();
        ws.run("push", "monolith").ok();
        String url = ws.run("deploy", "monolith", "--fargate", FAST).ok().out().trim();
        assertTrue(get(url + "mysfits").body().contains("Bramblewick"));
        assertFalse(get(url).body().contains("edition"), "the old code says no edition");

        // The code, not the data: the mysfits come from the workshop's DynamoDB table, as in the labs.
        Path app = context.resolve("app.py");
        String health = "jsonify(status=\"ok\", service=SERVICE, store=st().kind)";
        assertTrue(Files.readString(app).contains(health), "the sample's health answer moved: update this test");
        Files.writeString(app, Files.readString(app).replace(health,
                "jsonify(status=\"ok\", service=SERVICE, store=st().kind, edition=\"second\")"));
        ws.run("build", "monolith").ok();
        ws.run("push", "monolith").ok();
        CommandHarness.Result redeploy = ws.run("deploy", "monolith", "--fargate", FAST, "--output", "json").ok();

        assertEquals(2, JSON.readTree(redeploy.out()).path("revision").asInt(), redeploy.out());
        for (int i = 0; i < 10; i++) {
            String body = get(url).body();
            assertTrue(body.contains("\"edition\":\"second\""), body);
        }
        assertTrue(get(url + "mysfits").body().contains("Bramblewick"), "the data is the table's, as before");
        ws.run("cleanup", "--yes").ok();
    }

    @Test
    void imageThatExitsAtStart_rollsBackAndTheOldRevisionStillServes() throws Exception {
        DeployFixture ws = new DeployFixture("dpexit").setup().pushed("monolith", "latest");
        String url = ws.run("deploy", "monolith", "--fargate", FAST).ok().out().trim();
        String broken = "dpexit-monolith:exits";
        Path dockerfile = Files.createTempDirectory("exits");
        Files.writeString(dockerfile.resolve("Dockerfile"), "FROM " + DeployFixture.sampleImage("monolith")
                + "\nCMD [\"python3\", \"-c\", \"import sys; print('cannot start'); sys.exit(3)\"]\n");
        LocalImages.docker("build", "-q", "-t", broken, dockerfile.toString());
        ws.run("push", "monolith", "--tag", "exits").ok();

        long start = System.nanoTime();
        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", "--tag", "exits", "--timeout", "3m", FAST);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().contains("rolled back to dpexit-monolith:1"), result.err());
        assertTrue(result.err().contains("Essential container in task exited"), result.err());
        assertTrue(result.err().contains("exit code 3"), result.err());
        assertTrue(seconds < 180, "within its timeout: " + seconds + " s");
        assertTrue(ws.service("monolith").path("taskDefinition").asText().endsWith("dpexit-monolith:1"));
        assertEquals(200, get(url + "mysfits").status());
        ws.run("cleanup", "--yes").ok();
    }

    @Test
    void tagNeverPushed_failsWithCannotPullContainerError() throws Exception {
        DeployFixture ws = new DeployFixture("dppull").setup().pushed("monolith", "latest");
        String template = DeployFixture.repoTemplate("monolith-fargate.json")
                .replace("${IMAGE}", TestSandbox.REGISTRY_HOST + "/dppull/monolith:never-pushed");
        ws.template("monolith", "fargate", template);

        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", "--timeout", "2m", FAST);

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().contains("CannotPullContainerError"), result.err());
        JsonNode stopped = TestSandbox.aws("ecs", "list-tasks", "--cluster", ws.name, "--desired-status", "STOPPED");
        String reason = TestSandbox.aws("ecs", "describe-tasks", "--cluster", ws.name, "--tasks",
                stopped.path("taskArns").get(0).asText()).path("tasks").get(0).path("stoppedReason").asText();
        assertTrue(reason.startsWith("CannotPullContainerError: "), reason);
        ws.run("cleanup", "--yes").ok();
    }

    @Test
    void missingLogGroup_failsThePreflightWithExit3AndCreatesNothing() {
        DeployFixture ws = new DeployFixture("dplogs").setup().pushed("monolith", "latest");
        ws.template("monolith", "fargate", DeployFixture.repoTemplate("monolith-fargate.json")
                .replace("${LOG_GROUP}", "/copied/from/a/lab"));
        String before = DeployIT.snapshot(ws) + TestSandbox.aws("elbv2", "describe-target-groups");

        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", FAST);

        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("Error: log group /copied/from/a/lab"), result.err());
        assertTrue(result.err().contains("ResourceInitializationError"), result.err());
        assertTrue(result.err().contains("Hint: "), result.err());
        assertEquals(before, DeployIT.snapshot(ws) + TestSandbox.aws("elbv2", "describe-target-groups"));
    }

    @Test
    void missingRole_failsThePreflightWithExit3() {
        DeployFixture ws = new DeployFixture("dprole").setup().pushed("monolith", "latest");
        ws.template("monolith", "fargate", DeployFixture.repoTemplate("monolith-fargate.json")
                .replace("${TASK_ROLE_ARN}", "arn:aws:iam::" + TestSandbox.ACCOUNT + ":role/lab-role-never-made"));

        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", FAST);

        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("IAM role lab-role-never-made (taskRoleArn"), result.err());
        assertTrue(ws.taskDefinitions("monolith").isEmpty());
    }

    @Test
    void scaleToTwo_bothContainersServe_andCleanupLeavesNoContainer() throws Exception {
        DeployFixture ws = new DeployFixture("dpscale").setup().pushed("monolith", "latest");
        String url = ws.run("deploy", "monolith", "--fargate", FAST).ok().out().trim();
        ws.run("scale", "monolith", "--count", "2", FAST).ok();

        List<String> containers = sandboxContainers(ws);
        assertEquals(2, containers.size(), containers.toString());
        for (int i = 0; i < 10; i++) {
            assertEquals(200, get(url + "mysfits?round=" + i).status());
        }
        for (String container : containers) {
            String logs = TestSandbox.run(List.of("docker", "logs", container), Map.of(), Duration.ofSeconds(20)).out();
            assertTrue(logs.contains("GET /mysfits?round="), container + " served nothing: " + logs);
        }
        CommandHarness.Result status = ws.run("status", "monolith").ok();
        assertTrue(status.out().contains("healthy"), status.out());

        ws.run("cleanup", "--yes").ok();
        assertTrue(waitFor(() -> sandboxContainers(ws).isEmpty(), Duration.ofSeconds(60)), sandboxContainers(ws).toString());
    }

    record Response(int status, String body) {
    }

    static Response get(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(3000);
            connection.setReadTimeout(10000);
            int status = connection.getResponseCode();
            var stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The containers the sandbox runs for this workshop's cluster, by the docker CLI. */
    static List<String> sandboxContainers(DeployFixture ws) {
        String out = TestSandbox.run(List.of("docker", "ps", "-q", "--filter", "label=mysfits-sandbox.cluster=" + ws.name),
                Map.of(), Duration.ofSeconds(20)).out();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }


}
