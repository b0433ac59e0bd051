package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.SdkResourceDeleter;
import dev.mysfits.aws.SdkTaggedResourceFinder;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.console.Confirmation;
import dev.mysfits.console.Console;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.cleanup.CleanupRequest;
import dev.mysfits.workflow.cleanup.CleanupWorkflow;
import dev.mysfits.workflow.cleanup.RetryPolicy;
import dev.mysfits.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mysfits.it.LocalImages.docker;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cleanup against moto, proven with the AWS CLI: the inventory after cleanup equals the one before setup, and
 * what the test made with the AWS CLI (untagged, unrecorded) survives.
 *
 * <p>The "pushed" precondition of deploy: the tests push real images with mysfits push (repository created,
 * tagged and recorded by push itself), built on the monolith sample so that the sandbox's tasks serve HTTP and
 * pass their health checks. A repository made with the AWS CLI without mysfits' tags is a foreign resource and
 * must survive.
 */
class CleanupIT {

    @BeforeEach
    void freshMoto() {
        TestSandbox.resetMoto();
    }

    @Test
    void cleanup_afterSetupDeployAndAutoscale_leavesTheBaselineAndSparesForeignResources() throws IOException {
        TestSandbox.requireDocker();
        String ws = "clfull" + suffix();
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        foreignResources(ws);
        SortedSet<String> baseline = AwsInventory.take();
        try {
            // With a container instance, as the labs' stack made: the EC2 service's tasks run on it.
            ok(cli.run("setup", "--ec2", "--instances", "1"));
            buildAndPush(cli, ws, "monolith");
            buildAndPush(cli, ws, "like");
            ok(cli.run("deploy", "monolith", "--ec2", "--poll-interval", "1s"));
            ok(cli.run("deploy", "like", "--fargate", "--poll-interval", "1s"));
            ok(cli.run("autoscale", "like", "--min", "1", "--max", "3"));
            SortedSet<String> deployed = AwsInventory.take();
            assertTrue(deployed.contains("scaling policy " + ws + "-like-cpu"), deployed.toString());
            assertTrue(deployed.stream().anyMatch(i -> i.startsWith("ecr image " + ws + "/monolith@")), deployed.toString());

            CommandHarness.Result dryRun = cli.run("cleanup", "--dry-run");
            ok(dryRun);
            assertTrue(dryRun.out().contains("$ " + ws + "-alb  ALB hours"), dryRun.out());
            assertEquals(deployed, AwsInventory.take(), "--dry-run changes nothing");

            CommandHarness.Result refused = cli.run("cleanup");
            assertEquals(2, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("pass --yes"), refused.err());
            assertEquals(deployed, AwsInventory.take(), "no terminal and no --yes: nothing deleted");

            long start = System.nanoTime();
            CommandHarness.Result cleaned = cli.run("cleanup", "--yes", "--stats");
            long millis = (System.nanoTime() - start) / 1_000_000;
            ok(cleaned);
            assertTrue(cleaned.err().contains("nothing left"), cleaned.err());
            System.out.println("[CleanupIT] two-service cleanup: " + millis + " ms in-process; "
                    + cleaned.err().lines().filter(l -> l.contains("stats:")).findFirst().orElse("no stats line"));
            assertEquals(baseline, AwsInventory.take());

            CommandHarness.Result again = cli.run("cleanup", "--yes");
            ok(again);
            assertTrue(again.err().contains("nothing to clean up"), again.err());
        } finally {
            LocalImages.removeEverythingOf(ws);
            removeLocalImages(ws);
        }
    }

    @Test
    void cleanup_killedAtSeveralPoints_eachRunResumes_andTheLastReachesTheBaseline() throws Exception {
        String ws = "clint" + suffix();
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        foreignResources(ws);
        SortedSet<String> baseline = AwsInventory.take();
        deployBothOnFargate(cli, ws);

        // Each run dies after 5 deletions (mid-stage, at a different stage each time) and the next picks up.
        int kills = 0;
        SortedSet<String> before = AwsInventory.take();
        try (AwsClients aws = TestSandbox.awsClients()) {
            ResourceDeleter real = new SdkResourceDeleter(aws, Duration.ofMinutes(1), Duration.ofMillis(500));
            while (true) {
                CleanupWorkflow workflow = workflowDyingAfter(5, real, aws, dir);
                try {
                    workflow.execute(new CleanupRequest(ws, Set.of("monolith", "like"), List.of(), false, true, false, false));
                    break;
                } catch (IllegalStateException killed) {
                    kills++;
                    SortedSet<String> now = AwsInventory.take();
                    assertTrue(before.containsAll(now) && now.size() < before.size(), "each interrupted run makes progress");
                    assertTrue(kills < 10, "too many runs: " + now);
                    before = now;
                }
            }
        }
        assertTrue(kills >= 3, "killed at several points, got " + kills);
        assertEquals(baseline, AwsInventory.take());
        CommandHarness.Result again = cli.run("cleanup", "--yes");
        ok(again);
        assertTrue(again.err().contains("nothing to clean up"), again.err());
    }

    private static CleanupWorkflow workflowDyingAfter(int deletions, ResourceDeleter real, AwsClients aws, Path dir) {
        AtomicInteger done = new AtomicInteger();
        ResourceDeleter dying = new ResourceDeleter() {
            @Override
            public Outcome delete(OwnedResource resource) {
                if (done.incrementAndGet() > deletions) {
                    throw new IllegalStateException("simulated kill after " + deletions + " deletions");
                }
                return real.delete(resource);
            }

            @Override
            public void resetDefaultAction(OwnedResource listener) {
                real.resetDefaultAction(listener);
            }
        };
        StringWriter sink = new StringWriter();
        Console console = new Console(new PrintWriter(sink), new PrintWriter(sink), false, false, OutputFormat.TEXT, () -> 0L);
        return new CleanupWorkflow(console, new Ledger(Ledger.defaultFile(dir), Clock.systemUTC()),
                new SdkTaggedResourceFinder(aws), dying, noTerminal(),
                new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(2)), Sleeper.system(), TestSandbox.REGION);
    }

    @Test
    void cleanup_withTheLedgerDeleted_findsEverythingByTags() throws Exception {
        String ws = "cltag" + suffix();
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        foreignResources(ws);
        SortedSet<String> baseline = AwsInventory.take();
        deployBothOnFargate(cli, ws);
        // A template may name its family freely: this one does not start with the workshop's name, only its tag says whose it is.
        String family = "lab-" + ws + "-custom";
        aws("ecs", "register-task-definition", "--family", family, "--container-definitions",
                "[{\"name\":\"app\",\"image\":\"busybox\",\"memory\":64}]",
                "--tags", "key=mysfits:workshop,value=" + ws, "key=mysfits:service,value=monolith");
        Files.delete(Ledger.defaultFile(dir));

        CommandHarness.Result cleaned = cli.run("cleanup", "--yes");

        ok(cleaned);
        assertEquals(baseline, AwsInventory.take());
        assertEquals(0, aws("ecs", "list-task-definitions", "--family-prefix", family, "--status", "ACTIVE")
                .path("taskDefinitionArns").size(), "the tagged family outside the workshop's names is deregistered");
    }

    @Test
    void cleanupOneService_removesItsResourcesAndLeavesTheOtherServing() throws Exception {
        String ws = "clone" + suffix();
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        deployBothOnFargate(cli, ws);
        SortedSet<String> deployed = AwsInventory.take();
        String listener = aws("elbv2", "describe-listeners", "--load-balancer-arn", albArn(ws)).path("Listeners").get(0)
                .path("ListenerArn").asText();
        JsonNode defaultBefore = aws("elbv2", "describe-listeners", "--listener-arns", listener).path("Listeners").get(0).path("DefaultActions");

        ok(cli.run("cleanup", "like", "--yes"));

        SortedSet<String> after = AwsInventory.take();
        SortedSet<String> removed = new TreeSet<>(deployed);
        removed.removeAll(after);
        assertTrue(deployed.containsAll(after), "cleanup like creates nothing: " + after);
        assertTrue(removed.contains("ecs service " + ws + "/like"), removed.toString());
        assertTrue(removed.contains("elbv2 target group " + ws + "-like-fg"), removed.toString());
        assertTrue(removed.contains("log group /mysfits/" + ws + "/like"), removed.toString());
        assertTrue(removed.contains("ecr repository " + ws + "/like"), removed.toString());
        assertTrue(removed.contains("scalable target service/" + ws + "/like"), removed.toString());
        assertTrue(removed.stream().anyMatch(i -> i.startsWith("elbv2 rule ")), removed.toString());
        assertTrue(removed.stream().anyMatch(i -> i.startsWith("ecs task definition ") && i.contains(ws + "-like:")), removed.toString());
        assertTrue(removed.stream().noneMatch(i -> i.contains("monolith")), "monolith untouched: " + removed);
        assertTrue(after.contains("ecs service " + ws + "/monolith"));
        assertTrue(after.contains("elbv2 load balancer " + ws + "-alb"));
        assertEquals(defaultBefore, aws("elbv2", "describe-listeners", "--listener-arns", listener).path("Listeners").get(0)
                .path("DefaultActions"), "the default action still forwards to monolith");
        JsonNode monolith = aws("ecs", "describe-services", "--cluster", ws, "--services", "monolith").path("services").get(0);
        assertEquals("ACTIVE", monolith.path("status").asText());
        assertEquals(1, monolith.path("desiredCount").asInt());
    }

    @Test
    void cleanupLocal_removesLabelledContainersNetworksAndEveryTagOfTheServiceImages() throws IOException {
        TestSandbox.requireDocker();
        String ws = "clloc" + suffix();
        Path dir = workshopWithOwnNames(ws);
        String image = ws + "-monolith";
        String ecrTagged = TestSandbox.REGISTRY_HOST + "/" + ws + "/monolith:latest";
        String unrelated = ws + "-unrelated:latest";
        try {
            build(ws, image + ":latest");
            docker("tag", image + ":latest", image + ":abc1234");
            docker("tag", image + ":latest", ecrTagged);
            docker("tag", image + ":latest", unrelated);
            docker("network", "create", "--label", "mysfits.workshop=" + ws, ws + "-net");
            docker("run", "-d", "--name", "mysfits-" + ws + "-monolith", "--label", "mysfits.workshop=" + ws,
                    "--label", "mysfits.service=monolith", "--network", ws + "-net", image + ":latest", "sleep", "300");

            CommandHarness.Result result = TestSandbox.harness(dir).run("cleanup", "--local", "--yes");

            ok(result);
            assertEquals("", docker("ps", "-aq", "--filter", "label=mysfits.workshop=" + ws));
            assertEquals("", docker("network", "ls", "-q", "--filter", "label=mysfits.workshop=" + ws));
            for (String ref : List.of(image + ":latest", image + ":abc1234", ecrTagged)) {
                assertEquals("", docker("images", "-q", ref), ref + " removed");
            }
            assertFalse(docker("images", "-q", unrelated).isEmpty(), "an image of another name survives");
            ok(TestSandbox.harness(dir).run("cleanup", "--local", "--yes"));
        } finally {
            TestSandbox.run(List.of("docker", "rm", "-f", "mysfits-" + ws + "-monolith"), Map.of(), Duration.ofSeconds(30));
            TestSandbox.run(List.of("docker", "network", "rm", ws + "-net"), Map.of(), Duration.ofSeconds(30));
            TestSandbox.run(List.of("docker", "rmi", "-f", unrelated, image + ":latest", image + ":abc1234", ecrTagged),
                    Map.of(), Duration.ofSeconds(60));
        }
    }

    @Test
    void cleanup_processKilledWithSigkillAtSeveralPoints_theNextRunFinishes() throws Exception {
        String ws = "clkill" + suffix();
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        SortedSet<String> baseline = AwsInventory.take();
        deployBothOnFargate(cli, ws);
        SortedSet<String> deployed = AwsInventory.take();

        // The real jar in its own JVM, killed outright (SIGKILL, no shutdown hooks) right after its first
        // deletions, seen as the ledger shrinking; the next run starts from what is left.
        Path jar = TestSandbox.repoRoot().resolve("target/mysfits.jar");
        Path ledger = dir.resolve(".mysfits/ledger.json");
        int kills = 0;
        boolean finished = false;
        while (!finished && kills < 3) {
            int entriesBefore = ledgerEntries(ledger);
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString(), "cleanup", "--yes")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(TestSandbox.awsEnvironment());
            Process process = builder.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (true) {
                if (process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    assertEquals(0, process.exitValue(), "an uninterrupted cleanup run exits 0");
                    finished = true;
                    break;
                }
                if (ledgerEntries(ledger) < entriesBefore) {
                    process.destroyForcibly().waitFor();
                    kills++;
                    SortedSet<String> now = AwsInventory.take();
                    System.out.println("[CleanupIT] killed run " + kills + ": " + now.size() + " resources left");
                    assertTrue(!now.equals(deployed) && !now.equals(baseline), "killed mid-cleanup: " + now);
                    // The ledger, rewritten by atomic renames, is whole after the kill: a dry run reads it.
                    ok(cli.run("cleanup", "--dry-run"));
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "cleanup run neither deleted anything nor finished in 2 minutes");
            }
        }
        assertTrue(kills >= 2, "killed at several points, got " + kills);
        if (!finished) {
            ok(cli.run("cleanup", "--yes"));
        }
        assertEquals(baseline, AwsInventory.take());
        assertTrue(cli.run("cleanup", "--yes").err().contains("nothing to clean up"));
    }

    // --- helpers ---

    /** Entries in a ledger file (0 when there is none); the file is only ever replaced whole. */
    private static int ledgerEntries(Path ledger) throws IOException {
        if (!Files.exists(ledger)) {
            return 0;
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(ledger.toFile()).size();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000L, 36);
    }

    /** A test workshop whose images and repositories carry the workshop name: the registry is shared. */
    private static Path workshopWithOwnNames(String ws) {
        Path dir = TestSandbox.workshop(ws);
        for (String service : List.of("monolith", "like")) {
            LocalImages.setService(dir, service, Map.of("image", ws + "-" + service, "repository", ws + "/" + service));
        }
        return dir;
    }

    /** Made with the AWS CLI, untagged, unrecorded: cleanup must not touch them, even under mysfits-like names. */
    private static void foreignResources(String ws) {
        String vpc = aws("ec2", "describe-vpcs").path("Vpcs").get(0).path("VpcId").asText();
        aws("ec2", "create-security-group", "--group-name", ws + "-foreign", "--description", "not mysfits'", "--vpc-id", vpc);
        aws("logs", "create-log-group", "--log-group-name", "/mysfits/" + ws + "/foreign");
        aws("iam", "create-role", "--role-name", ws + "-foreign", "--assume-role-policy-document", "{}");
        aws("elbv2", "create-target-group", "--name", ws + "-foreign", "--protocol", "HTTP", "--port", "80", "--vpc-id", vpc);
        aws("ecr", "create-repository", "--repository-name", ws + "/foreign");
    }

    private static void deployBothOnFargate(CommandHarness cli, String ws) {
        ok(cli.run("setup"));
        for (String service : List.of("monolith", "like")) {
            try {
                buildAndPush(cli, ws, service);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ok(cli.run("deploy", service, "--fargate", "--poll-interval", "1s"));
        }
        ok(cli.run("autoscale", "like", "--min", "1", "--max", "3"));
    }

    private static void buildAndPush(CommandHarness cli, String ws, String service) throws IOException {
        build(ws, ws + "-" + service + ":latest");
        ok(cli.run("push", service));
    }

    private static void build(String ws, String tag) throws IOException {
        Path context = Files.createTempDirectory("cleanup-it-image");
        // The monolith sample answers HTTP on /, so deployed tasks pass their health checks on the sandbox.
        Files.writeString(context.resolve("Dockerfile"), "FROM " + DeployFixture.sampleImage("monolith") + "\nLABEL mysfits.workshop=" + ws
                + "\nRUN echo " + ws + " > /marker\n");
        docker("build", "-q", "-t", tag, context.toString());
    }

    private static void removeLocalImages(String ws) {
        TestSandbox.ProcessResult refs = TestSandbox.run(List.of("docker", "images", "--format", "{{.Repository}}:{{.Tag}}"),
                Map.of(), Duration.ofSeconds(30));
        refs.out().lines().filter(r -> r.contains(ws)).forEach(r ->
                TestSandbox.run(List.of("docker", "rmi", "-f", r), Map.of(), Duration.ofSeconds(60)));
    }

    private static String albArn(String ws) {
        for (JsonNode lb : aws("elbv2", "describe-load-balancers").path("LoadBalancers")) {
            if (lb.path("LoadBalancerName").asText().equals(ws + "-alb")) {
                return lb.path("LoadBalancerArn").asText();
            }
        }
        throw new AssertionError("no load balancer " + ws + "-alb");
    }

    private static Confirmation noTerminal() {
        return new Confirmation() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public boolean confirm(String question) {
                return false;
            }
        };
    }

    private static void ok(CommandHarness.Result result) {
        assertEquals(0, result.exitCode(), "exit " + result.exitCode() + "\nstdout: " + result.out() + "\nstderr: " + result.err());
    }
}
