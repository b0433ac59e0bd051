package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * revisions and rollback on the sandbox: a good v1, a v2 that answers differently, a v3 that never passes its health
 * check (stopped with --stop), and a v4 that crashes (the circuit breaker rolls it back). What serves is checked
 * through the load balancer with curl, and ECS's records with the AWS CLI (describe-services, list-service-deployments,
 * describe-service-revisions), not only mysfits' own view.
 */
class RevisionsRollbackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAST = "--poll-interval=1s";
    private static final List<String> ONGOING = List.of("PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED",
            "ROLLBACK_IN_PROGRESS");

    /** Every request the commands above sent is one AWS would accept. */
    @AfterAll
    static void awsWouldRefuseNoRequest() {
        TestSandbox.assertNoRequestAwsWouldRefuse();
    }

    @Test
    void revisionsAndRollback_afterGoodAndBadDeploys_restoreTheOldAnswer_andCleanupLeavesNothing() throws Exception {
        SortedSet<String> baseline = AwsInventory.take();
        DeployFixture ws = new DeployFixture("rvrb").setup();
        // ECS leaves a task that fails its health check alone this long: v3's deployment stays IN_PROGRESS meanwhile.
        ws.editConfig(config -> ((ObjectNode) config.get("services").get("monolith"))
                .putObject("healthCheck").put("gracePeriodSeconds", 1200));
        ws.pushed("monolith", "latest");

        ws.run("revisions", "monolith").assertOneLineError(3, "service monolith has no task-definition revisions");

        // v1, then v2 whose code answers with an edition
        String url = ws.run("deploy", "monolith", "--fargate", FAST).ok().out().trim();
        assertFalse(curl(url).contains("edition"), "v1 has no edition");
        image(ws, "v2", "FROM " + DeployFixture.sampleImage("monolith")
                + "\nRUN sed -i 's/store=st().kind)/store=st().kind, edition=\"two\")/' app.py && grep -q 'edition=\"two\"' app.py\n");
        ws.run("push", "monolith").ok();
        ws.run("deploy", "monolith", "--fargate", FAST).ok();
        assertTrue(curl(url).contains("\"edition\":\"two\""), "v2 serves");

        // v3 listens on another port: its target never passes, and its deployment stays in progress
        image(ws, "v3", "FROM rvrb-monolith:v2\nENV PORT=8081\n");
        ws.run("push", "monolith").ok();
        ws.run("deploy", "monolith", "--fargate", "--no-wait").ok();
        CommandHarness.Result refused = ws.run("rollback", "monolith");
        refused.assertOneLineError(3, "service monolith has a deployment in progress");
        assertTrue(refused.err().contains("mysfits rollback monolith --stop"), refused.err());
        assertEquals("IN_PROGRESS", newestServiceDeployment(ws).path("status").asText(), "the AWS CLI agrees");
        assertTrue(ws.service("monolith").path("taskDefinition").asText().endsWith("rvrb-monolith:3"));

        JsonNode stopped = JSON.readTree(ws.run("rollback", "monolith", "--stop", FAST, "--output", "json").ok().out());
        assertEquals("rvrb-monolith:3", stopped.path("from").asText());
        assertEquals("rvrb-monolith:2", stopped.path("to").asText());
        assertEquals(url, stopped.path("url").asText());
        JsonNode stoppedByAws = TestSandbox.aws("ecs", "describe-service-deployments", "--service-deployment-arns",
                stopped.path("stoppedDeployment").asText()).path("serviceDeployments").get(0);
        assertEquals("ROLLBACK_SUCCESSFUL", stoppedByAws.path("status").asText(), stoppedByAws.toString());
        assertTrue(ws.service("monolith").path("taskDefinition").asText().endsWith("rvrb-monolith:2"));
        assertTrue(curl(url).contains("\"edition\":\"two\""), "v2 serves again");

        // revisions: all three, v2 serving, each with the deployments ECS recorded for it
        JsonNode revisions = JSON.readTree(ws.run("revisions", "monolith", "--output", "json").ok().out());
        assertEquals(ws.service("monolith").path("taskDefinition").asText(), revisions.path("serving").asText());
        List<String> names = new ArrayList<>();
        revisions.path("revisions").forEach(r -> names.add(r.path("name").asText()));
        assertEquals(List.of("rvrb-monolith:3", "rvrb-monolith:2", "rvrb-monolith:1"), names);
        assertEquals(deploymentsByAws(ws), deploymentsByMysfits(revisions));
        assertEquals("ROLLBACK_SUCCESSFUL", revisions.path("revisions").get(0).path("deployments").get(0).path("status").asText());
        assertEquals("SUCCESSFUL", revisions.path("revisions").get(1).path("deployments").get(0).path("status").asText());
        assertEquals("serving", revisions.path("revisions").get(1).path("state").asText());
        for (JsonNode r : revisions.path("revisions")) {
            String image = TestSandbox.aws("ecs", "describe-task-definition", "--task-definition", r.path("name").asText())
                    .path("taskDefinition").path("containerDefinitions").get(0).path("image").asText();
            String digest = r.path("images").get(0).path("digest").asText();
            assertTrue(digest.startsWith("sha256:") && image.endsWith("@" + digest), image + " / " + digest);
            assertTrue(pushedDigests(ws).contains(digest), digest + " is one ECR has");
            assertFalse(r.path("registeredAt").isNull(), r.toString());
        }
        String table = ws.run("revisions", "monolith").ok().out();
        assertTrue(table.lines().anyMatch(l -> l.startsWith("rvrb-monolith:2 ") && l.contains(" serving ")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("rvrb-monolith:3 ") && l.contains("ROLLBACK_SUCCESSFUL")), table);

        // rollback: the newest revision that served successfully and is not v2's is v1's
        CommandHarness.Result dryRun = ws.run("rollback", "monolith", "--dry-run");
        dryRun.ok();
        assertTrue(dryRun.err().contains("rvrb-monolith:2 -> rvrb-monolith:1"), dryRun.err());
        assertTrue(ws.service("monolith").path("taskDefinition").asText().endsWith("rvrb-monolith:2"), "a dry run changes nothing");
        CommandHarness.Result back = ws.run("rollback", "monolith", FAST);
        back.ok();
        assertEquals(url, back.out().trim());
        assertTrue(back.err().contains("monolith is rolled back from rvrb-monolith:2 to rvrb-monolith:1"), back.err());
        assertTrue(ws.service("monolith").path("taskDefinition").asText().endsWith("rvrb-monolith:1"));
        assertEquals("SUCCESSFUL", newestServiceDeployment(ws).path("status").asText());
        for (int i = 0; i < 5; i++) {
            assertFalse(curl(url).contains("edition"), "v1's answer is back");
        }

        // --to a named revision, by number; the one that serves and one that is none are refused
        ws.run("rollback", "monolith", "--to", "2", FAST).ok();
        assertTrue(curl(url).contains("\"edition\":\"two\""), "v2 serves again");
        ws.run("rollback", "monolith", "--to", "rvrb-monolith:2").assertOneLineError(3, "service monolith already runs rvrb-monolith:2");
        ws.run("rollback", "monolith", "--to", "9").assertOneLineError(2, "--to rvrb-monolith:9: no such revision of service monolith");

        // v4 crashes: its deploy fails, and so does a rollback to it, each rolled back by the circuit breaker
        image(ws, "v4", "FROM " + DeployFixture.sampleImage("monolith")
                + "\nCMD [\"python3\", \"-c\", \"import sys; print('cannot start'); sys.exit(3)\"]\n");
        ws.run("push", "monolith").ok();
        assertEquals(1, ws.run("deploy", "monolith", "--fargate", "--timeout", "3m", FAST).exitCode());
        awaitNoDeploymentInProgress(ws);
        CommandHarness.Result crash = ws.run("rollback", "monolith", "--to", "4", "--timeout", "3m", FAST);
        assertEquals(1, crash.exitCode(), crash.err());
        assertTrue(crash.err().contains("Error: rollout of service monolith was rolled back to rvrb-monolith:2 by the deployment circuit breaker"),
                crash.err());
        assertTrue(crash.err().contains("Essential container in task exited"), crash.err());
        assertTrue(crash.err().contains("exit code 3"), crash.err());
        awaitNoDeploymentInProgress(ws);
        assertTrue(ws.service("monolith").path("taskDefinition").asText().endsWith("rvrb-monolith:2"));
        assertTrue(curl(url).contains("\"edition\":\"two\""), "v2 still serves");
        JsonNode after = JSON.readTree(ws.run("revisions", "monolith", "--output", "json").ok().out());
        assertEquals(4, after.path("revisions").size());
        assertEquals(deploymentsByAws(ws), deploymentsByMysfits(after));

        ws.run("cleanup", "--yes").ok();
        assertEquals(List.of(), AwsInventory.runningTasks());
        assertEquals(baseline, AwsInventory.take());
    }

    /**
     * A blue/green service goes back as it goes forward: the rollback is a blue/green deployment of the old revision,
     * watched where the production rule sends traffic, and the old answer comes back through the load balancer.
     */
    @Test
    void rollbackOfABlueGreenService_isABlueGreenDeploymentOfTheOldRevision() throws Exception {
        SortedSet<String> baseline = AwsInventory.take();
        DeployFixture ws = new DeployFixture("rvbg").setup().pushed("monolith", "latest");
        String url = ws.run("deploy", "monolith", "--fargate", "--strategy", "blue-green", FAST).ok().out().trim();
        image(ws, "v2", "FROM " + DeployFixture.sampleImage("monolith")
                + "\nRUN sed -i 's/store=st().kind)/store=st().kind, edition=\"two\")/' app.py && grep -q 'edition=\"two\"' app.py\n");
        ws.run("push", "monolith").ok();
        ws.run("deploy", "monolith", "--fargate", "--strategy", "blue-green", FAST).ok();
        assertTrue(curl(url).contains("\"edition\":\"two\""), "v2 serves");

        CommandHarness.Result back = ws.run("rollback", "monolith", FAST);

        back.ok();
        assertTrue(back.err().contains("monolith is rolled back from rvbg-monolith:2 to rvbg-monolith:1"), back.err());
        JsonNode service = ws.service("monolith");
        assertTrue(service.path("taskDefinition").asText().endsWith("rvbg-monolith:1"), service.toString());
        assertEquals("BLUE_GREEN", service.path("deploymentConfiguration").path("strategy").asText(), service.toString());
        assertEquals("SUCCESSFUL", newestServiceDeployment(ws).path("status").asText());
        for (int i = 0; i < 5; i++) {
            assertFalse(curl(url).contains("edition"), "v1's answer is back");
        }
        JsonNode revisions = JSON.readTree(ws.run("revisions", "monolith", "--output", "json").ok().out());
        assertEquals(service.path("taskDefinition").asText(), revisions.path("serving").asText());
        assertEquals(deploymentsByAws(ws), deploymentsByMysfits(revisions));

        ws.run("cleanup", "--yes").ok();
        assertEquals(List.of(), AwsInventory.runningTasks());
        assertEquals(baseline, AwsInventory.take());
    }

    /** Builds the workshop's local image as `latest` (what push pushes) and as this tag, from this Dockerfile. */
    private static void image(DeployFixture ws, String tag, String dockerfile) throws Exception {
        Path context = Files.createTempDirectory(ws.name + "-" + tag);
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        LocalImages.docker("build", "-q", "-t", ws.name + "-monolith:latest", "-t", ws.name + "-monolith:" + tag, context.toString());
    }

    private static String curl(String url) {
        TestSandbox.ProcessResult curl = TestSandbox.run(List.of("curl", "-s", "--max-time", "10", url), Map.of(),
                Duration.ofSeconds(20));
        assertEquals(0, curl.exitCode(), "curl " + url + ": " + curl.err());
        return curl.out();
    }

    private static JsonNode newestServiceDeployment(DeployFixture ws) {
        return TestSandbox.aws("ecs", "list-service-deployments", "--cluster", ws.name, "--service", "monolith")
                .path("serviceDeployments").get(0);
    }

    private static void awaitNoDeploymentInProgress(DeployFixture ws) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (ONGOING.contains(newestServiceDeployment(ws).path("status").asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("a service deployment is still in progress: " + newestServiceDeployment(ws));
            }
            Thread.sleep(500);
        }
    }

    /** Task definition -> "STATUS deployment-arn" of each service deployment that deployed it, newest first, by the AWS CLI. */
    private static Map<String, List<String>> deploymentsByAws(DeployFixture ws) {
        Map<String, List<String>> byDefinition = new TreeMap<>();
        List<String> arns = new ArrayList<>();
        TestSandbox.aws("ecs", "list-service-deployments", "--cluster", ws.name, "--service", "monolith")
                .path("serviceDeployments").forEach(d -> arns.add(d.path("serviceDeploymentArn").asText()));
        List<String> args = new ArrayList<>(List.of("ecs", "describe-service-deployments", "--service-deployment-arns"));
        args.addAll(arns);
        List<JsonNode> described = new ArrayList<>();
        TestSandbox.aws(args.toArray(String[]::new)).path("serviceDeployments").forEach(described::add);
        described.sort((a, b) -> Double.compare(b.path("createdAt").asDouble(), a.path("createdAt").asDouble()));
        for (JsonNode d : described) {
            String revision = d.path("targetServiceRevision").path("arn").asText();
            String definition = TestSandbox.aws("ecs", "describe-service-revisions", "--service-revision-arns", revision)
                    .path("serviceRevisions").get(0).path("taskDefinition").asText();
            byDefinition.computeIfAbsent(definition, k -> new ArrayList<>())
                    .add(d.path("status").asText() + " " + d.path("serviceDeploymentArn").asText());
        }
        return byDefinition;
    }

    private static Map<String, List<String>> deploymentsByMysfits(JsonNode revisions) {
        Map<String, List<String>> byDefinition = new TreeMap<>();
        for (JsonNode r : revisions.path("revisions")) {
            List<String> uses = new ArrayList<>();
            r.path("deployments").forEach(d -> uses.add(d.path("status").asText() + " " + d.path("arn").asText()));
            if (!uses.isEmpty()) {
                byDefinition.put(r.path("taskDefinitionArn").asText(), uses);
            }
        }
        return byDefinition;
    }

    private static List<String> pushedDigests(DeployFixture ws) {
        List<String> digests = new ArrayList<>();
        TestSandbox.aws("ecr", "describe-images", "--repository-name", ws.name + "/monolith").path("imageDetails")
                .forEach(i -> digests.add(i.path("imageDigest").asText()));
        return digests;
    }
}
