package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canary, blue/green and linear deploys on the sandbox, under steady traffic, checked through the load balancer with
 * an HTTP client and with the AWS CLI (the production rule's weights, the service deployments, what cleanup leaves).
 * At AWS's own pace, with the machine to itself: the canary's share and the lost requests are what it measures.
 */
@RunsAlone
@SandboxTimeScale(1)
class StrategyDeployIT {
    private static final String FAST = "--poll-interval=1s";
    private static final String V2 = "Bramblewick v2";

    /** 20 requests a second to one URL, each answer sorted by the version that gave it. */
    private static final class Load implements AutoCloseable {
        record Answer(long at, int status, boolean v2, String error) {
        }

        final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final ExecutorService senders = Executors.newCachedThreadPool();
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

        Load(String url) {
            clock.scheduleAtFixedRate(() -> senders.execute(() -> {
                long at = System.currentTimeMillis();
                try {
                    DataPlaneIT.Response response = DataPlaneIT.get(url);
                    answers.add(new Answer(at, response.status(), response.body().contains(V2), null));
                } catch (UncheckedIOException e) {
                    answers.add(new Answer(at, 0, false, e.getCause().toString()));
                }
            }), 0, 50, TimeUnit.MILLISECONDS);
        }

        List<Answer> failed() {
            return answers.stream().filter(a -> a.status() != 200).toList();
        }

        @Override
        public void close() throws InterruptedException {
            clock.shutdownNow();
            senders.shutdown();
            assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS), "requests still open");
        }
    }

    /** The production rule's share for each target group, read with the AWS CLI once a second while it runs. */
    private static final class WeightWatch implements AutoCloseable {
        record Reading(long at, Map<String, Integer> weights) {
        }

        final Queue<Reading> readings = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        WeightWatch(DeployFixture ws, String pattern) {
            thread = new Thread(() -> {
                while (running.get()) {
                    JsonNode rule = productionRule(ws, pattern);
                    if (rule != null) {
                        readings.add(new Reading(System.currentTimeMillis(), weights(rule)));
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "weights");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join(10_000);
        }
    }

    /** The rule on this path without a header condition (a test listener rule has one). */
    static JsonNode productionRule(DeployFixture ws, String pattern) {
        for (JsonNode rule : ws.rules()) {
            if (rule.path("Conditions").toString().contains("http-header")) {
                continue;
            }
            for (JsonNode condition : rule.path("Conditions")) {
                for (JsonNode value : condition.path("PathPatternConfig").path("Values")) {
                    if (value.asText().equals(pattern)) {
                        return rule;
                    }
                }
            }
        }
        return null;
    }

    /** Target group name -> weight, from a rule's forward action. */
    static Map<String, Integer> weights(JsonNode rule) {
        Map<String, Integer> weights = new java.util.TreeMap<>();
        for (JsonNode action : rule.path("Actions")) {
            for (JsonNode group : action.path("ForwardConfig").path("TargetGroups")) {
                String arn = group.path("TargetGroupArn").asText();
                weights.put(arn.replaceAll("^.*:targetgroup/([^/]+)/.*$", "$1"), group.path("Weight").asInt());
            }
        }
        return weights;
    }

    /** The sample with one mysfit renamed: the code change each test rolls out. */
    private static void buildV2(DeployFixture ws, String tag) throws Exception {
        Path context = Files.createTempDirectory("v2");
        Files.writeString(context.resolve("Dockerfile"), "FROM " + DeployFixture.sampleImage("monolith")
                + "\nRUN sed -i 's/\"Bramblewick\"/\"" + V2 + "\"/' /app/mysfits.json\n");
        LocalImages.docker("build", "-q", "-t", ws.name + "-monolith:" + tag, context.toString());
        ws.run("push", "monolith", "--tag", tag).ok();
    }

    private static void strategy(DeployFixture ws, String json) {
        ws.editConfig(config -> ((ObjectNode) config.get("services").get("monolith"))
                .set("deployment", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)));
    }

    /** Nothing of the workshop is left, by the AWS CLI: no target group, no rule but the default, no role. */
    private static void assertNothingLeft(DeployFixture ws) {
        assertEquals(List.of(), ws.targetGroups().stream().map(g -> g.path("TargetGroupName").asText()).toList());
        JsonNode roles = TestSandbox.aws("iam", "list-roles").path("Roles");
        List<String> ours = new ArrayList<>();
        roles.forEach(r -> {
            if (r.path("RoleName").asText().startsWith(ws.name + "-")) {
                ours.add(r.path("RoleName").asText());
            }
        });
        assertEquals(List.of(), ours);
        JsonNode services = TestSandbox.aws("ecs", "list-services", "--cluster", ws.name);
        assertEquals(0, services.path("serviceArns").size(), services.toString());
    }

    @Test
    void canaryUnderTraffic_servesBothVersionsAtAboutItsShare_thenOnlyTheNew_losingNoRequest() throws Exception {
        DeployFixture ws = new DeployFixture("stcanary").setup().pushed("monolith", "latest");
        strategy(ws, "{\"strategy\": \"canary\", \"canaryPercent\": 20, \"canaryBakeMinutes\": 1, \"testHeader\": \"X-Canary\"}");
        String url = ws.run("deploy", "monolith", "--fargate", "--count", "2", FAST).ok().out().trim() + "mysfits/bramblewick";
        assertEquals(Map.of(ws.name + "-monolith-fg", 100, ws.name + "-monolith-fg-b", 0), weights(productionRule(ws, "/*")));
        buildV2(ws, "v2");

        CommandHarness.Result canary;
        Load load = new Load(url);
        WeightWatch watch = new WeightWatch(ws, "/*");
        try (load; watch) {
            canary = ws.run("deploy", "monolith", "--fargate", "--tag", "v2", FAST);
        }

        assertEquals(0, canary.exitCode(), canary.err());
        assertTrue(canary.err().contains("stage production traffic shift: new revision 20%"), canary.err());
        // While the rule sent 20% to the new group, about 20% of the answers were the new version's.
        List<long[]> canaryWindows = new ArrayList<>();
        WeightWatch.Reading previous = null;
        for (WeightWatch.Reading reading : watch.readings) {
            if (previous != null && previous.weights().values().stream().anyMatch(w -> w == 20)
                    && reading.weights().values().stream().anyMatch(w -> w == 20)) {
                canaryWindows.add(new long[]{previous.at(), reading.at()});
            }
            previous = reading;
        }
        List<Load.Answer> during = load.answers.stream()
                .filter(a -> canaryWindows.stream().anyMatch(w -> a.at() >= w[0] + 1000 && a.at() <= w[1])).toList();
        long newOnes = during.stream().filter(Load.Answer::v2).count();
        double share = during.isEmpty() ? 0 : (double) newOnes / during.size();
        System.out.printf("MEASURE canary: %d requests in the canary stage, %.1f%% from the new version; %d requests in all%n",
                during.size(), 100 * share, load.answers.size());
        assertTrue(during.size() >= 300, "requests sent during the canary stage: " + during.size());
        assertTrue(share > 0.10 && share < 0.32, "share of the new version in the canary stage: " + share);
        assertEquals(List.of(), load.failed());
        // Then only the new one: the rule's weights and the answers.
        Map<String, Integer> after = weights(productionRule(ws, "/*"));
        assertEquals(Map.of(ws.name + "-monolith-fg", 0, ws.name + "-monolith-fg-b", 100), after);
        for (int i = 0; i < 20; i++) {
            assertTrue(DataPlaneIT.get(url).body().contains(V2));
        }
        // The test rule, just before the production rule, went to the new revision too.
        JsonNode test = null;
        for (JsonNode rule : ws.rules()) {
            if (rule.path("Conditions").toString().contains("X-Canary")) {
                test = rule;
            }
        }
        assertTrue(test != null, ws.rules().toString());
        assertEquals("49999", test.path("Priority").asText());
        assertEquals(Map.of(ws.name + "-monolith-fg", 0, ws.name + "-monolith-fg-b", 100), weights(test));
        JsonNode deployments = TestSandbox.aws("ecs", "list-service-deployments", "--cluster", ws.name, "--service", "monolith")
                .path("serviceDeployments");
        assertEquals("SUCCESSFUL", deployments.get(0).path("status").asText(), deployments.toString());
        CommandHarness.Result status = ws.run("status", "monolith").ok();
        assertTrue(status.out().contains("(canary)"), status.out());

        ws.run("cleanup", "--yes").ok();
        assertNothingLeft(ws);
    }

    @Test
    void blueGreenOfACrashingImage_rollsBackWithExit1_andTheOldVersionServesThroughout() throws Exception {
        DeployFixture ws = new DeployFixture("stbg").setup().pushed("monolith", "latest");
        String url = ws.run("deploy", "monolith", "--fargate", "--strategy", "blue-green", FAST).ok().out().trim()
                + "mysfits/bramblewick";
        String first = ws.service("monolith").path("taskDefinition").asText();
        Path context = Files.createTempDirectory("crash");
        Files.writeString(context.resolve("Dockerfile"), "FROM " + DeployFixture.sampleImage("monolith")
                + "\nCMD [\"python3\", \"-c\", \"import sys; print('cannot start'); sys.exit(3)\"]\n");
        LocalImages.docker("build", "-q", "-t", ws.name + "-monolith:crash", context.toString());
        ws.run("push", "monolith", "--tag", "crash").ok();

        CommandHarness.Result crash;
        Load load = new Load(url);
        try (load) {
            crash = ws.run("deploy", "monolith", "--fargate", "--strategy", "blue-green", "--tag", "crash",
                    "--timeout", "4m", FAST);
            // And after: the old version goes on serving once the rollback is done.
            Thread.sleep(5000);
        }

        assertEquals(1, crash.exitCode(), crash.err());
        assertTrue(crash.err().contains("rolled back to " + ws.name + "-monolith:1"), crash.err());
        assertFalse(crash.err().contains("Exception"), crash.err());
        assertEquals(List.of(), load.failed());
        assertTrue(load.answers.size() >= 100, "requests sent: " + load.answers.size());
        assertTrue(load.answers.stream().noneMatch(Load.Answer::v2));
        assertEquals(first, ws.service("monolith").path("taskDefinition").asText());
        JsonNode deployments = TestSandbox.aws("ecs", "list-service-deployments", "--cluster", ws.name, "--service", "monolith")
                .path("serviceDeployments");
        assertTrue(deployments.get(0).path("status").asText().startsWith("ROLLBACK"), deployments.toString());
        Map<String, Integer> weights = weights(productionRule(ws, "/*"));
        assertEquals(100, weights.get(ws.name + "-monolith-fg"), weights.toString());

        ws.run("cleanup", "--yes").ok();
        assertNothingLeft(ws);
    }

    @Test
    void linearDeploy_movesTrafficInItsSteps() throws Exception {
        DeployFixture ws = new DeployFixture("stlinear").setup().pushed("monolith", "latest");
        strategy(ws, "{\"strategy\": \"linear\", \"linearStepPercent\": 34, \"linearStepBakeMinutes\": 1}");
        ws.run("deploy", "monolith", "--fargate", FAST).ok();
        buildV2(ws, "v2");

        CommandHarness.Result linear;
        WeightWatch watch = new WeightWatch(ws, "/*");
        try (watch) {
            linear = ws.run("deploy", "monolith", "--fargate", "--tag", "v2", FAST);
        }

        assertEquals(0, linear.exitCode(), linear.err());
        List<Integer> alternateShares = new ArrayList<>();
        String alternate = ws.name + "-monolith-fg-b";
        for (WeightWatch.Reading reading : watch.readings) {
            int share = reading.weights().getOrDefault(alternate, 0);
            if (alternateShares.isEmpty() || alternateShares.get(alternateShares.size() - 1) != share) {
                alternateShares.add(share);
            }
        }
        System.out.println("MEASURE linear: the new group's share went " + alternateShares);
        assertEquals(List.of(0, 34, 68, 100), alternateShares);
        assertTrue(linear.err().contains("new revision 34%") && linear.err().contains("new revision 68%"), linear.err());

        ws.run("cleanup", "--yes").ok();
        assertNothingLeft(ws);
    }
}
