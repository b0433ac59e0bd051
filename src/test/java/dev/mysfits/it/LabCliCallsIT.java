package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container immersion day lab (002) done by hand with its own aws CLI calls, beside a mysfits workshop: the
 * sandbox answers none of them with HTTP 500 (AWS never does to a valid request), and mysfits cleanup afterwards
 * deletes what setup made and nothing the attendee made by hand.
 *
 * <p>Cleanup deletes what is tagged mysfits:workshop=&lt;workshop&gt; or recorded in the workshop's ledger. The lab's
 * resources are neither, so they stay: the inventory after cleanup is the one before setup, lab resources included.
 */
class LabCliCallsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lab002ByHand_sandboxNeverAnswers500_andCleanupStillLeavesNothingOfTheWorkshop() throws IOException {
        TestSandbox.resetMoto();
        String ws = "labcli" + suffix();
        Path dir = CleanupFixture.workshopWithOwnNames(ws);
        Path files = Files.createTempDirectory("lab-002");
        String cluster = "my_first_ecs_cluster_" + ws;

        // The lab's first steps: a cluster without tags, the service-linked role, roles, a log group, an ECR repository.
        lab("iam", "get-role", "--role-name", "AWSServiceRoleForECS");
        lab("iam", "create-service-linked-role", "--aws-service-name", "ecs.amazonaws.com");
        succeeds("ecs", "create-cluster", "--cluster-name", cluster);
        succeeds("resourcegroupstaggingapi", "get-resources");
        Path trust = write(files, "trust.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":[\"ec2.amazonaws.com\",\"ecs-tasks.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}]}");
        succeeds("iam", "create-role", "--role-name", "ECSTaskRole-" + ws, "--path", "/service-role/",
                "--assume-role-policy-document", "file://" + trust);
        succeeds("logs", "create-log-group", "--log-group-name", "/ecs/monolith-task-def-" + ws);
        succeeds("ecr", "create-repository", "--repository-name", "api-" + ws);
        succeeds("ecr", "describe-images", "--repository-name", "api-" + ws);
        assertEquals(0, lab("ecr", "get-login-password").exitCode(), "the password docker login takes");

        // The lab's task definition JSON as printed (a soft memory limit per container), and the like service's as
        // the console makes it: only the task's cpu and memory, none for the container.
        String image = TestSandbox.REGISTRY_HOST + "/api-" + ws + ":latest";
        Path monolith = write(files, "fargate-task-def.json", "{\"requiresCompatibilities\":[\"FARGATE\"],"
                + "\"containerDefinitions\":[{\"name\":\"monolith-cntr\",\"image\":\"" + image + "\",\"memoryReservation\":128,"
                + "\"essential\":true,\"portMappings\":[{\"containerPort\":3000,\"protocol\":\"tcp\"}],"
                + "\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/monolith-task-def-" + ws
                + "\",\"awslogs-region\":\"us-east-1\",\"awslogs-stream-prefix\":\"ecs\"}}}],\"volumes\":[],"
                + "\"networkMode\":\"awsvpc\",\"memory\":\"512\",\"cpu\":\"256\",\"family\":\"monolith-task-def-" + ws + "\"}");
        Path like = write(files, "like-task-def.json", "{\"requiresCompatibilities\":[\"FARGATE\"],"
                + "\"containerDefinitions\":[{\"name\":\"mysfits-like\",\"image\":\"" + image + "\",\"essential\":true,"
                + "\"portMappings\":[{\"containerPort\":80}],\"environment\":[{\"name\":\"MONOLITH_URL\",\"value\":\"x\"}]}],"
                + "\"networkMode\":\"awsvpc\",\"memory\":\"512\",\"cpu\":\"256\",\"family\":\"mysfits-like-" + ws + "\"}");
        succeeds("ecs", "register-task-definition", "--cli-input-json", "file://" + monolith);
        succeeds("ecs", "register-task-definition", "--cli-input-json", "file://" + like);
        succeeds("ecs", "list-task-definitions");

        // The load balancer the lab's stack made, its target groups, listener and rule, as the lab changes them.
        String vpc = aws("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true").path("Vpcs").get(0).path("VpcId").asText();
        List<String> subnets = new ArrayList<>();
        aws("ec2", "describe-subnets", "--filters", "Name=vpc-id,Values=" + vpc).path("Subnets")
                .forEach(s -> subnets.add(s.path("SubnetId").asText()));
        String group = succeeds("ec2", "create-security-group", "--group-name", "lab-" + ws, "--description", "lab 002",
                "--vpc-id", vpc).path("GroupId").asText();
        List<String> createLb = new ArrayList<>(List.of("elbv2", "create-load-balancer", "--name", "alb-" + ws, "--subnets"));
        createLb.addAll(subnets.subList(0, 2));
        createLb.addAll(List.of("--security-groups", group));
        String alb = succeeds(createLb.toArray(String[]::new)).path("LoadBalancers").get(0).path("LoadBalancerArn").asText();
        String monolithGroup = succeeds("elbv2", "create-target-group", "--name", "mono-" + ws, "--vpc-id", vpc, "--port", "80",
                "--protocol", "HTTP", "--target-type", "ip", "--health-check-protocol", "HTTP", "--health-check-path", "/",
                "--health-check-interval-seconds", "6", "--health-check-timeout-seconds", "5", "--healthy-threshold-count", "2",
                "--unhealthy-threshold-count", "2").path("TargetGroups").get(0).path("TargetGroupArn").asText();
        String likeGroup = succeeds("elbv2", "create-target-group", "--name", "like-" + ws, "--vpc-id", vpc, "--port", "80",
                "--protocol", "HTTP", "--target-type", "ip").path("TargetGroups").get(0).path("TargetGroupArn").asText();
        String listener = succeeds("elbv2", "create-listener", "--load-balancer-arn", alb, "--protocol", "HTTP", "--port", "80",
                "--default-actions", "Type=fixed-response,FixedResponseConfig={StatusCode=404}")
                .path("Listeners").get(0).path("ListenerArn").asText();
        succeeds("elbv2", "describe-listeners", "--load-balancer-arn", alb);
        succeeds("elbv2", "modify-listener", "--listener-arn", listener, "--default-actions",
                "Type=forward,TargetGroupArn=" + monolithGroup);
        succeeds("elbv2", "create-rule", "--listener-arn", listener, "--priority", "1", "--conditions",
                "Field=path-pattern,Values=/mysfits/*/like", "--actions", "Type=forward,TargetGroupArn=" + likeGroup);
        succeeds("elbv2", "describe-rules", "--listener-arn", listener);
        succeeds("elbv2", "describe-target-health", "--target-group-arn", monolithGroup);

        // The lab's service JSON, a like service without security groups (AWS takes the VPC's default), a one-off task.
        Map<String, Object> service = Map.of("cluster", cluster, "serviceName", "monolith-service",
                "taskDefinition", "monolith-task-def-" + ws + ":1", "desiredCount", 1, "clientToken", "",
                "launchType", "FARGATE", "deploymentController", Map.of("type", "ECS"),
                "loadBalancers", List.of(Map.of("targetGroupArn", monolithGroup, "containerName", "monolith-cntr",
                        "containerPort", 3000)),
                "networkConfiguration", Map.of("awsvpcConfiguration", Map.of("subnets", subnets.subList(0, 2),
                        "securityGroups", List.of(group), "assignPublicIp", "DISABLED")));
        Path serviceJson = write(files, "ecs-service.json", JSON.writeValueAsString(service));
        succeeds("ecs", "create-service", "--cli-input-json", "file://" + serviceJson);
        succeeds("ecs", "create-service", "--cluster", cluster, "--service-name", "like", "--task-definition",
                "mysfits-like-" + ws, "--desired-count", "1", "--launch-type", "FARGATE", "--network-configuration",
                "awsvpcConfiguration={subnets=[" + subnets.get(0) + "],assignPublicIp=ENABLED}",
                "--load-balancers", "targetGroupArn=" + likeGroup + ",containerName=mysfits-like,containerPort=80");
        String network = "awsvpcConfiguration={subnets=[" + subnets.get(0) + "],securityGroups=[" + group + "],assignPublicIp=ENABLED}";
        assertEquals(1, succeeds("ecs", "run-task", "--cluster", cluster, "--task-definition", "mysfits-like-" + ws,
                "--launch-type", "FARGATE", "--network-configuration", network).path("tasks").size());
        succeeds("ecs", "run-task", "--cluster", cluster, "--task-definition", "monolith-task-def-" + ws,
                "--launch-type", "FARGATE", "--network-configuration", network);
        succeeds("ecs", "list-services", "--cluster", cluster);
        succeeds("ecs", "describe-services", "--cluster", cluster, "--services", "monolith-service", "like");
        succeeds("ecs", "list-tasks", "--cluster", cluster);
        succeeds("ecs", "describe-clusters", "--clusters", cluster, "--include", "TAGS");
        succeeds("ecs", "describe-container-instances", "--cluster", cluster, "--container-instances", "0123456789abcdef");
        // Lab 001's EC2 task in a cluster that has no container instances: refused, not a 500.
        Path ec2Definition = write(files, "interstella.json", "{\"family\":\"interstella-" + ws + "\",\"containerDefinitions\":"
                + "[{\"name\":\"interstella\",\"image\":\"" + image + "\",\"memoryReservation\":128,\"essential\":true,"
                + "\"portMappings\":[{\"containerPort\":5000,\"hostPort\":0}]}]}");
        succeeds("ecs", "register-task-definition", "--cli-input-json", "file://" + ec2Definition);
        TestSandbox.ProcessResult ec2 = lab("ecs", "run-task", "--cluster", cluster, "--task-definition", "interstella-" + ws);
        assertTrue(ec2.err().contains("(InvalidParameterException)") && ec2.err().contains("No Container Instances"), ec2.err());
        succeeds("resourcegroupstaggingapi", "get-resources");
        SortedSet<String> beforeSetup = AwsInventory.take();

        // The workshop beside it, then its cleanup.
        CommandHarness cli = TestSandbox.harness(dir);
        cli.run("setup").ok();
        SortedSet<String> setUp = AwsInventory.take();
        assertTrue(setUp.contains("ecs cluster " + ws), setUp.toString());
        assertTrue(setUp.contains("elbv2 load balancer " + ws + "-alb"), setUp.toString());
        assertFalse(workshopTagged(ws).isEmpty(), "setup tags what it makes");

        CommandHarness.Result cleaned = cli.run("cleanup", "--yes");
        cleaned.ok();
        assertTrue(cleaned.err().contains("nothing left"), cleaned.err());
        // A deleted cluster stays describable for a while, INACTIVE, tags and all: only that may still carry the tag.
        for (String arn : workshopTagged(ws)) {
            assertTrue(arn.endsWith(":cluster/" + ws), "left tagged for the workshop: " + arn);
            assertEquals("INACTIVE", aws("ecs", "describe-clusters", "--clusters", arn).path("clusters").get(0)
                    .path("status").asText(), arn);
        }
        assertEquals(beforeSetup, AwsInventory.take(), "setup's resources are gone and the lab's are all still there");
        assertEquals("ACTIVE", aws("ecs", "describe-clusters", "--clusters", cluster).path("clusters").get(0)
                .path("status").asText(), "the lab's cluster is the attendee's: cleanup leaves it");
    }

    /** ARNs the Tagging API finds with mysfits:workshop=ws. */
    private static List<String> workshopTagged(String ws) {
        List<String> arns = new ArrayList<>();
        succeeds("resourcegroupstaggingapi", "get-resources", "--tag-filters", "Key=mysfits:workshop,Values=" + ws)
                .path("ResourceTagMappingList").forEach(r -> arns.add(r.path("ResourceARN").asText()));
        return arns;
    }

    /** Runs one aws CLI call of the lab and fails the test if the sandbox answered it with a server error. */
    private static TestSandbox.ProcessResult lab(String... args) {
        List<String> command = new ArrayList<>();
        command.add("aws");
        command.addAll(Arrays.asList(args));
        command.addAll(List.of("--endpoint-url", TestSandbox.motoEndpoint(), "--region", TestSandbox.REGION, "--output", "json"));
        // One attempt: the CLI's own retries of a 500 would hide it when a retry happens to pass.
        TestSandbox.ProcessResult result = TestSandbox.run(command, Map.of("AWS_ACCESS_KEY_ID", "sandbox",
                "AWS_SECRET_ACCESS_KEY", "sandbox", "AWS_PAGER", "", "AWS_MAX_ATTEMPTS", "1", "AWS_RETRY_MODE", "standard"),
                Duration.ofSeconds(60));
        String said = result.err();
        boolean serverError = said.contains("(500)") || said.contains("InternalFailure") || said.contains("InternalError")
                || said.contains("Internal Server Error") || said.contains("(502)") || said.contains("(503)");
        assertFalse(serverError, "aws " + String.join(" ", args) + " answered a server error: " + said);
        return result;
    }

    /** A lab call that must succeed; its JSON answer. */
    private static JsonNode succeeds(String... args) {
        TestSandbox.ProcessResult result = lab(args);
        assertEquals(0, result.exitCode(), "aws " + String.join(" ", args) + " failed: " + result.err());
        try {
            return result.out().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.out());
        } catch (IOException e) {
            throw new AssertionError("aws " + String.join(" ", args) + " printed no JSON: " + result.out(), e);
        }
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
