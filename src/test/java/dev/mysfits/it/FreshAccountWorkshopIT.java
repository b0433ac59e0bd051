package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static dev.mysfits.it.CleanupFixture.buildAndPush;
import static dev.mysfits.it.CleanupFixture.removeLocalImages;
import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.CleanupFixture.workshopWithOwnNames;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole workshop on a fresh account with every AWS behaviour of the sandbox on (AWS-BEHAVIOURS.md): no
 * service-linked roles, new roles that spread before ECS, Auto Scaling and CodeBuild take them, load balancers that
 * provision, services that drain, interfaces that linger. Each step is checked with the AWS CLI (or curl, or the
 * docker CLI), and nothing is left after either cleanup, at the moment it returns. The sandbox refuses no request.
 */
@SandboxFreshAccount
class FreshAccountWorkshopIT {
    private static final String FAST = "--poll-interval=1s";

    @AfterAll
    static void awsWouldRefuseNoRequest() {
        TestSandbox.assertNoRequestAwsWouldRefuse();
    }

    @Test
    void theWholeWorkshop_twice_onAFreshAccount_leavesNothing() throws IOException {
        TestSandbox.requireDocker();
        TestSandbox.resetMoto();
        String ws = "fresh" + suffix();
        Path dir = workshopWithOwnNames(ws);
        // CodeBuild sees only the repository: the monolith's context is a copy inside the workshop's directory.
        Path context = LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/monolith-service"), dir.resolve("monolith-service"));
        LocalImages.setService(dir, "monolith", Map.of("context", context.toString()));
        CommandHarness cli = TestSandbox.harness(dir);
        SortedSet<String> baseline = AwsInventory.take();
        assertTrue(baseline.stream().noneMatch(i -> i.contains("AWSServiceRoleFor")), "a fresh account: " + baseline);
        long start = System.nanoTime();
        try {
            // setup for both launch types, as the labs' stack: one container instance for the EC2 service.
            cli.run("setup", "--ec2", "--instances", "1").ok();
            assertEquals("/aws-service-role/ecs.amazonaws.com/",
                    aws("iam", "get-role", "--role-name", "AWSServiceRoleForECS").path("Role").path("Path").asText());
            JsonNode alb = aws("elbv2", "describe-load-balancers", "--names", ws + "-alb").path("LoadBalancers").get(0);
            assertEquals("active", alb.path("State").path("Code").asText(), alb.toString());
            assertEquals(1, aws("ecs", "list-container-instances", "--cluster", ws).path("containerInstanceArns").size());

            buildAndPush(cli, ws, "monolith");
            buildAndPush(cli, ws, "like");
            for (String service : List.of("monolith", "like")) {
                assertEquals(List.of("latest"), texts(aws("ecr", "describe-images", "--repository-name", ws + "/" + service)
                        .path("imageDetails").get(0).path("imageTags")), service);
            }

            CommandHarness.Result monolith = cli.run("deploy", "monolith", "--ec2", FAST);
            monolith.ok();
            cli.run("deploy", "like", "--fargate", "--path", "/mysfits/*/like", FAST).ok();
            assertEquals("200", curl(monolith.out().trim() + "mysfits"), "the ALB serves the monolith");
            assertEquals(1, service(ws, "monolith").path("runningCount").asInt());
            assertEquals(1, service(ws, "like").path("runningCount").asInt());

            int serviceTasks = AwsInventory.runningTasks().size();
            cli.run("task", "run", "like", "--fargate").ok();
            assertEquals(serviceTasks + 1, AwsInventory.runningTasks().size(), "the one-off task runs, and is left running");

            cli.run("scale", "monolith", "--count", "2", FAST).ok();
            assertEquals(2, service(ws, "monolith").path("runningCount").asInt());
            cli.run("autoscale", "like", "--min", "1", "--max", "3").ok();
            JsonNode target = aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs")
                    .path("ScalableTargets").get(0);
            assertTrue(target.path("RoleARN").asText().endsWith("/AWSServiceRoleForApplicationAutoScaling_ECSService"), target.toString());

            cli.run("buildspec", "monolith").ok();
            assertTrue(Files.exists(context.resolve("buildspec.yml")));
            cli.run("codebuild", "monolith", "--source-type", "GITHUB", "--source-location",
                    "https://github.com/example/mysfits.git").ok();
            assertEquals(List.of(ws + "-monolith"), texts(aws("codebuild", "list-projects").path("projects")));

            cleanUpToNothing(cli, ws, baseline);

            // At once, with the same names: the services are INACTIVE by now, so their names are free.
            cli.run("setup").ok();
            cli.run("push", "monolith").ok();
            CommandHarness.Result again = cli.run("deploy", "monolith", "--fargate", FAST);
            again.ok();
            assertEquals("200", curl(again.out().trim() + "mysfits"));

            cleanUpToNothing(cli, ws, baseline);
            System.out.println("[FreshAccountWorkshopIT] the whole workshop twice: "
                    + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s at time scale " + TestSandbox.timeScale());
        } finally {
            LocalImages.removeEverythingOf(ws);
            removeLocalImages(ws);
        }
    }

    /** cleanup says "nothing left", and at that moment the AWS CLI and docker agree. */
    private static void cleanUpToNothing(CommandHarness cli, String ws, SortedSet<String> baseline) {
        CommandHarness.Result cleaned = cli.run("cleanup", "--yes");
        cleaned.ok();
        assertTrue(cleaned.err().contains("nothing left"), cleaned.err());
        assertEquals(List.of(), AwsInventory.runningTasks());
        assertEquals(List.of(), TestSandbox.taskContainers());
        SortedSet<String> left = new TreeSet<>(AwsInventory.take());
        // The service-linked roles belong to the account, as on AWS: cleanup leaves them.
        left.removeIf(i -> i.contains("AWSServiceRoleFor"));
        assertEquals(baseline, left);
        for (JsonNode eni : aws("ec2", "describe-network-interfaces").path("NetworkInterfaces")) {
            for (JsonNode group : eni.path("Groups")) {
                assertTrue(!group.path("GroupName").asText().startsWith(ws + "-"), "an interface still holds " + eni);
            }
        }
    }

    private static JsonNode service(String ws, String name) {
        return aws("ecs", "describe-services", "--cluster", ws, "--services", name).path("services").get(0);
    }

    private static String curl(String url) {
        TestSandbox.ProcessResult curl = TestSandbox.run(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--max-time", "10", url), Map.of(), Duration.ofSeconds(20));
        return curl.out();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
