package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static dev.mysfits.it.LocalImages.docker;
import static dev.mysfits.it.CleanupFixture.albArn;
import static dev.mysfits.it.CleanupFixture.build;
import static dev.mysfits.it.CleanupFixture.buildAndPush;
import static dev.mysfits.it.CleanupFixture.deployBothOnFargate;
import static dev.mysfits.it.CleanupFixture.foreignResources;
import static dev.mysfits.it.CleanupFixture.removeLocalImages;
import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.CleanupFixture.workshopWithOwnNames;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    @org.junit.jupiter.api.AfterEach
    void removeTheWorkshopsImages() {
        CleanupFixture.removeLocalImagesOfWorkshopsMade();
    }


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
            cli.run("setup", "--ec2", "--instances", "1").ok();
            buildAndPush(cli, ws, "monolith");
            buildAndPush(cli, ws, "like");
            cli.run("deploy", "monolith", "--ec2", "--poll-interval", "1s").ok();
            cli.run("deploy", "like", "--fargate", "--poll-interval", "1s").ok();
            cli.run("autoscale", "like", "--min", "1", "--max", "3").ok();
            // A one-off task, left running as lab 2 leaves it: no service stops it, so cleanup must.
            int serviceTasks = AwsInventory.runningTasks().size();
            cli.run("task", "run", "like").ok();
            assertEquals(serviceTasks + 1, AwsInventory.runningTasks().size());
            SortedSet<String> deployed = AwsInventory.take();
            assertTrue(deployed.contains("scaling policy " + ws + "-like-cpu"), deployed.toString());
            assertTrue(deployed.stream().anyMatch(i -> i.startsWith("ecr image " + ws + "/monolith@")), deployed.toString());

            CommandHarness.Result dryRun = cli.run("cleanup", "--dry-run");
            dryRun.ok();
            assertTrue(dryRun.out().contains("$ " + ws + "-alb  ALB hours"), dryRun.out());
            assertEquals(deployed, AwsInventory.take(), "--dry-run changes nothing");

            CommandHarness.Result refused = cli.run("cleanup");
            assertEquals(2, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("pass --yes"), refused.err());
            assertEquals(deployed, AwsInventory.take(), "no terminal and no --yes: nothing deleted");

            // The workshop's groups and the network interfaces in them (the ALB's, the Fargate tasks'), by the AWS CLI.
            List<String> groups = workshopGroups(ws);
            assertFalse(groups.isEmpty());
            assertFalse(interfacesIn(groups).isEmpty(), "the ALB's and the tasks' interfaces are in the workshop's groups");

            long start = System.nanoTime();
            CommandHarness.Result cleaned = cli.run("cleanup", "--yes", "--stats");
            long millis = (System.nanoTime() - start) / 1_000_000;
            cleaned.ok();
            assertTrue(cleaned.err().contains("nothing left"), cleaned.err());
            // "nothing left" only when the AWS CLI agrees: no interface lingers in the groups, and the groups are gone.
            assertEquals(List.of(), interfacesIn(groups), cleaned.err());
            assertEquals(List.of(), workshopGroups(ws), cleaned.err());
            // At once, not some seconds later: nothing runs, in ECS's view and in Docker's.
            assertEquals(List.of(), AwsInventory.runningTasks());
            assertEquals(List.of(), TestSandbox.taskContainers());
            assertTrue(cleaned.err().contains("stopped ECS task " + ws + "-like/"), cleaned.err());
            System.out.println("[CleanupIT] two-service cleanup: " + millis + " ms in-process; "
                    + cleaned.err().lines().filter(l -> l.contains("stats:")).findFirst().orElse("no stats line"));
            assertEquals(baseline, AwsInventory.take());

            CommandHarness.Result again = cli.run("cleanup", "--yes");
            again.ok();
            assertTrue(again.err().contains("nothing to clean up"), again.err());
        } finally {
            LocalImages.removeEverythingOf(ws);
            removeLocalImages(ws);
        }
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

        cleaned.ok();
        assertEquals(baseline, AwsInventory.take());
        assertEquals(0, aws("ecs", "list-task-definitions", "--family-prefix", family, "--status", "ACTIVE")
                .path("taskDefinitionArns").size(), "the tagged family outside the workshop's names is deregistered");
    }

    @Test
    void deployAgain_rightAfterCleanup_works() {
        DeployFixture ws = new DeployFixture("redeploy" + suffix()).setup().pushed("monolith", "latest");
        ws.run("deploy", "monolith", "--fargate", "--poll-interval=1s").ok();
        ws.run("cleanup", "--yes").ok();

        // At once: the same names, made again, while AWS may still be settling what cleanup deleted.
        ws.setup().pushed("monolith", "latest");
        ws.run("deploy", "monolith", "--fargate", "--poll-interval=1s").ok();

        JsonNode service = ws.service("monolith");
        assertEquals("ACTIVE", service.path("status").asText());
        assertEquals(1, service.path("runningCount").asInt(), service.toString());
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

        cli.run("cleanup", "like", "--yes").ok();

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

            result.ok();
            assertEquals("", docker("ps", "-aq", "--filter", "label=mysfits.workshop=" + ws));
            assertEquals("", docker("network", "ls", "-q", "--filter", "label=mysfits.workshop=" + ws));
            for (String ref : List.of(image + ":latest", image + ":abc1234", ecrTagged)) {
                assertEquals("", docker("images", "-q", ref), ref + " removed");
            }
            assertFalse(docker("images", "-q", unrelated).isEmpty(), "an image of another name survives");
            TestSandbox.harness(dir).run("cleanup", "--local", "--yes").ok();
        } finally {
            TestSandbox.run(List.of("docker", "rm", "-f", "mysfits-" + ws + "-monolith"), Map.of(), Duration.ofSeconds(30));
            TestSandbox.run(List.of("docker", "network", "rm", ws + "-net"), Map.of(), Duration.ofSeconds(30));
            TestSandbox.run(List.of("docker", "rmi", "-f", unrelated, image + ":latest", image + ":abc1234", ecrTagged),
                    Map.of(), Duration.ofSeconds(60));
        }
    }

    private static List<String> workshopGroups(String ws) {
        List<String> ids = new java.util.ArrayList<>();
        aws("ec2", "describe-security-groups", "--filters", "Name=tag:mysfits:workshop,Values=" + ws)
                .path("SecurityGroups").forEach(g -> ids.add(g.path("GroupId").asText()));
        return ids;
    }

    private static List<String> interfacesIn(List<String> groups) {
        List<String> ids = new java.util.ArrayList<>();
        aws("ec2", "describe-network-interfaces", "--filters", "Name=group-id,Values=" + String.join(",", groups))
                .path("NetworkInterfaces").forEach(i -> ids.add(i.path("NetworkInterfaceId").asText() + " "
                        + i.path("Status").asText() + " " + i.path("Description").asText()));
        return ids;
    }
}
