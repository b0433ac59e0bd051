package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole workshop against an AWS that fails: with the sandbox's fault switch on, one call in five fails
 * (throttling, 500, 503, or the connection dropped after AWS acted), from a fixed seed. Each run does setup, push and
 * deploy of both services, scale, autoscale, a new revision and cleanup. It must reach the same end state as without
 * faults, checked with the AWS CLI with faults off, and cleanup must leave nothing. Afterwards no secret may appear in
 * any output, the ledger, or the Docker client and AWS config files the product under test was given (this test's
 * own, {@link TestSandbox#home()}: never the user's).
 *
 * <p>Five seeds, one class each ({@code FaultSuiteSeed1001IT} to {@code 1005}): each has a JVM, a moto and a fault
 * switch of its own, so the five runs go side by side.
 */
abstract class FaultSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RATE = 0.2;

    private final int seed;

    FaultSuite(int seed) {
        this.seed = seed;
    }

    @Test
    void workshopUnderFaults_convergesAsWithoutFaults_noDuplicates_nothingLeft_noSecrets() throws Exception {
        SortedSet<String> baseline = AwsInventory.take();
        String secretKey = "fault-suite-secret-" + UUID.randomUUID();
        StringBuilder everything = new StringBuilder();
        String ws = "fault" + seed + Long.toString(System.nanoTime() % 100_000L, 36);
        DeployFixture f = new DeployFixture(ws);
        f.cli.env("AWS_SECRET_ACCESS_KEY", secretKey);
        Path ledger = f.dir.resolve(".mysfits/ledger.json");
        try {
            faults(seed);
            List<CommandHarness.Result> results = new ArrayList<>();
            results.add(f.run("setup", "--stats").ok());
            results.add(f.push("monolith", "latest", "--stats"));
            results.add(f.push("like", "latest", "--stats"));
            results.add(f.run("deploy", "monolith", "--fargate", "--stats").ok());
            results.add(f.run("deploy", "like", "--fargate", "--path", "/mysfits/*/like", "--stats").ok());
            results.add(f.run("scale", "monolith", "--count", "2", "--stats").ok());
            results.add(f.run("autoscale", "like", "--min", "1", "--max", "3", "--cpu-target", "50", "--stats").ok());
            // A new revision: the same app, a new image (a label changes its digest), pushed and deployed.
            LocalImages.docker("build", "-q", "--label", "mysfits.fault-suite.seed=" + seed, "-t", ws + "-monolith:latest",
                    TestSandbox.repoRoot().resolve("samples/monolith-service").toString());
            results.add(f.run("push", "monolith", "--stats").ok());
            results.add(f.run("deploy", "monolith", "--fargate", "--count", "2", "--stats").ok());
            JsonNode injectedBeforeCheck = faultsOff();

            try {
                assertConverged(f);
            } catch (AssertionError notConverged) {
                StringBuilder said = new StringBuilder();
                results.forEach(r -> said.append(r.err()).append('\n'));
                throw new AssertionError(notConverged.getMessage() + "\nwhat the commands said:\n" + said, notConverged);
            }

            faults(seed + 500);
            results.add(f.run("cleanup", "--yes", "--stats").ok());
            JsonNode injected = faultsOff();
            assertEquals(baseline, AwsInventory.take(), "seed " + seed + ": cleanup left something");

            int faults = sum(injectedBeforeCheck.get("injected")) + sum(injected.get("injected"));
            int retries = results.stream().mapToInt(CommandHarness.Result::apiRetries).sum();
            int calls = results.stream().mapToInt(CommandHarness.Result::apiCallCount).sum();
            results.forEach(r -> everything.append(r.out()).append(r.err()));
            System.out.printf("[FaultSuite] seed %d: %d calls, %d faults injected %s / %s, %d retries, end state as without faults, 0 left%n",
                    seed, calls, faults, injectedBeforeCheck.get("injected"), injected.get("injected"), retries);
            assertTrue(faults > 0, "faults were injected");
        } finally {
            faultsOff();
        }

        if (Files.exists(ledger)) {
            everything.append(Files.readString(ledger));
        }
        List<Path> clientFiles = List.of(TestSandbox.dockerConfigFile(), TestSandbox.home().resolve(".aws/config"),
                TestSandbox.home().resolve(".aws/credentials"));
        for (Path file : clientFiles) {
            if (Files.exists(file)) {
                everything.append(Files.readString(file));
            }
        }
        String token = "123456789012-auth-token";
        String tokenBase64 = Base64.getEncoder().encodeToString(("AWS:" + token).getBytes(StandardCharsets.UTF_8));
        int leaks = count(everything, secretKey) + count(everything, token) + count(everything, tokenBase64);
        System.out.printf("[FaultSuite] seed %d: secrets in %d characters of output, the ledger and %s: %d%n",
                seed, everything.length(), clientFiles, leaks);
        assertEquals(0, leaks, "no secret key, ECR token or its base64 form anywhere");
    }

    /** What a fault-free run leaves: one of everything, and the revisions the changes asked for. */
    private static void assertConverged(DeployFixture f) throws Exception {
        String ws = f.name;
        assertEquals(2, f.taskDefinitions("monolith").size(), "monolith: one revision per change");
        assertEquals(1, f.taskDefinitions("like").size(), "like: one revision");
        List<String> balancers = new ArrayList<>();
        String listenerArn = null;
        String dns = null;
        for (JsonNode lb : TestSandbox.aws("elbv2", "describe-load-balancers").path("LoadBalancers")) {
            if (lb.path("LoadBalancerName").asText().startsWith(ws + "-")) {
                balancers.add(lb.path("LoadBalancerName").asText());
                dns = lb.path("DNSName").asText();
                for (JsonNode listener : TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn",
                        lb.path("LoadBalancerArn").asText()).path("Listeners")) {
                    listenerArn = listener.path("ListenerArn").asText();
                }
            }
        }
        assertEquals(1, balancers.size(), "one load balancer: " + balancers);
        List<String> groups = new ArrayList<>();
        TestSandbox.aws("elbv2", "describe-target-groups").path("TargetGroups").forEach(g -> {
            if (g.path("TargetGroupName").asText().startsWith(ws + "-")) {
                groups.add(g.path("TargetGroupName").asText());
            }
        });
        assertEquals(2, groups.size(), "one target group per service: " + groups);
        List<String> rules = new ArrayList<>();
        TestSandbox.aws("elbv2", "describe-rules", "--listener-arn", listenerArn).path("Rules").forEach(r -> {
            if (!r.path("IsDefault").asBoolean()) {
                rules.add(r.path("Conditions").toString());
            }
        });
        assertEquals(1, rules.size(), "one rule per path: " + rules);
        assertTrue(rules.get(0).contains("/mysfits/*/like"), rules.toString());
        List<String> securityGroups = new ArrayList<>();
        TestSandbox.aws("ec2", "describe-security-groups").path("SecurityGroups").forEach(g -> {
            if (g.path("GroupName").asText().startsWith(ws + "-")) {
                securityGroups.add(g.path("GroupName").asText());
            }
        });
        assertEquals(securityGroups.stream().distinct().count(), securityGroups.size(), "no duplicate security group: " + securityGroups);
        assertEquals(2, securityGroups.size(), securityGroups.toString());
        List<String> logGroups = new ArrayList<>();
        TestSandbox.aws("logs", "describe-log-groups", "--log-group-name-prefix", "/mysfits/" + ws + "/").path("logGroups")
                .forEach(g -> logGroups.add(g.path("logGroupName").asText()));
        assertEquals(2, logGroups.size(), logGroups.toString());
        List<String> roles = new ArrayList<>();
        TestSandbox.aws("iam", "list-roles").path("Roles").forEach(r -> {
            if (r.path("RoleName").asText().startsWith(ws + "-")) {
                roles.add(r.path("RoleName").asText());
            }
        });
        assertEquals(List.of(ws + "-ecs-execution", ws + "-ecs-task", ws + "-task-monolith"), roles.stream().sorted().toList(),
                "the execution role, the shared task role and the monolith's own (taskRole in mysfits.json), once each");
        List<String> tables = new ArrayList<>();
        TestSandbox.aws("dynamodb", "list-tables").path("TableNames").forEach(t -> {
            if (t.asText().startsWith(ws + "-")) {
                tables.add(t.asText());
            }
        });
        assertEquals(List.of(ws + "-mysfits"), tables, "the labs' table, once");
        assertEquals(JSON.readTree(TestSandbox.repoRoot().resolve("samples/monolith-service/mysfits.json").toFile()).size(),
                TestSandbox.aws("dynamodb", "scan", "--table-name", ws + "-mysfits", "--select", "COUNT").path("Count").asInt(),
                "its items, each once");
        JsonNode services = TestSandbox.aws("ecs", "describe-services", "--cluster", ws, "--services", "monolith", "like");
        assertEquals(2, services.path("services").get(0).path("desiredCount").asInt());
        assertEquals(1, JSON.readTree(TestSandbox.aws("application-autoscaling", "describe-scalable-targets",
                "--service-namespace", "ecs", "--resource-ids", "service/" + ws + "/like").toString()).path("ScalableTargets").size());
        var page = TestSandbox.httpGet("http://" + dns + "/mysfits");
        assertEquals(200, page.getKey(), "the monolith serves through the load balancer");
    }

    private static void faults(int seed) throws IOException, InterruptedException {
        control("POST", "{\"rate\": " + RATE + ", \"seed\": " + seed + ", \"kinds\": [\"throttle\", \"500\", \"503\", \"reset\"]}");
    }

    private static JsonNode faultsOff() throws IOException, InterruptedException {
        JsonNode before = control("GET", null);
        control("DELETE", null);
        return before;
    }

    private static JsonNode control(String method, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSandbox.motoEndpoint() + "/mysfits-sandbox/faults"))
                .timeout(Duration.ofSeconds(10));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static int sum(JsonNode counts) {
        int total = 0;
        for (JsonNode n : counts) {
            total += n.asInt();
        }
        return total;
    }

    private static int count(CharSequence text, String part) {
        int n = 0;
        for (int i = text.toString().indexOf(part); i >= 0; i = text.toString().indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

}
