package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labs' DynamoDB mode of the monolith, end to end on the sandbox, with the repository's own mysfits.json: setup
 * makes and loads the table and the monolith's task role; the deployed monolith (Fargate) gets the role's
 * credentials as ECS hands them out and serves the table's mysfits through the load balancer; a like lands in the
 * table; cleanup leaves no table and no role. Checked with the AWS CLI and curl.
 */
class DynamoDbWorkshopIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void awsWouldRefuseNoRequest() {
        TestSandbox.assertNoRequestAwsWouldRefuse();
    }

    @Test
    void monolithOnFargate_servesTheTablesMysfits_aLikeIsInTheTable_cleanupLeavesNoTableAndNoRole() throws IOException {
        TestSandbox.requireDocker();
        String ws = "ddb" + suffix();
        String table = ws + "-mysfits";
        String role = ws + "-task-monolith";
        DeployFixture workshop = new DeployFixture(ws);
        workshop.editConfig(config -> ((ObjectNode) config.get("services").get("monolith")).put("image", ws + "-monolith"));
        CommandHarness cli = workshop.cli;
        SortedSet<String> baseline = AwsInventory.take();
        JsonNode bundled = JSON.readTree(TestSandbox.repoRoot().resolve("samples/monolith-service/mysfits.json").toFile());
        try {
            // mysfits build: the workshop file's buildArgs add boto3, which the DynamoDB mode needs
            cli.run("build", "monolith").ok();
            cli.run("push", "monolith").ok();
            cli.run("setup").ok();

            JsonNode described = aws("dynamodb", "describe-table", "--table-name", table).path("Table");
            assertEquals("ACTIVE", described.path("TableStatus").asText());
            assertEquals("PAY_PER_REQUEST", described.path("BillingModeSummary").path("BillingMode").asText());
            assertEquals(bundled.size(), aws("dynamodb", "scan", "--table-name", table, "--select", "COUNT").path("Count").asInt());
            JsonNode madeRole = aws("iam", "get-role", "--role-name", role).path("Role");
            assertEquals("/mysfits/" + ws + "/", madeRole.path("Path").asText());
            String trust = madeRole.path("AssumeRolePolicyDocument").toString();
            assertTrue(trust.contains("ecs-tasks.amazonaws.com") && !trust.contains("ec2.amazonaws.com"), trust);
            String policy = aws("iam", "get-role-policy", "--role-name", role, "--policy-name", "mysfits-service")
                    .path("PolicyDocument").toString();
            assertTrue(policy.contains("table/" + table) && policy.contains("dynamodb:UpdateItem"), policy);

            CommandHarness.Result again = cli.run("setup");
            again.ok();
            assertEquals(bundled.size(), aws("dynamodb", "scan", "--table-name", table, "--select", "COUNT").path("Count").asInt(),
                    "loading twice duplicates nothing");

            CommandHarness.Result deploy = cli.run("deploy", "monolith", "--fargate");
            deploy.ok();
            String url = deploy.out().trim();
            assertTrue(aws("ecs", "describe-task-definition", "--task-definition", ws + "-monolith").path("taskDefinition")
                    .path("taskRoleArn").asText().endsWith("/" + role), "the task definition names the service's own role");

            assertEquals("dynamodb", JSON.readTree(curl(url)).path("store").asText(), "the monolith runs in DynamoDB mode");
            JsonNode served = JSON.readTree(curl(url + "mysfits")).path("mysfits");
            assertEquals(ids(aws("dynamodb", "scan", "--table-name", table).path("Items"), true), ids(served, false),
                    "GET /mysfits through the load balancer serves the table's items");

            String id = served.get(0).path("id").asText();
            int before = served.get(0).path("likes").asInt();
            JsonNode like = JSON.readTree(curl("-X", "POST", url + "mysfits/" + id + "/like"));
            assertEquals(before + 1, like.path("likes").asInt(), like.toString());
            JsonNode item = aws("dynamodb", "get-item", "--table-name", table, "--consistent-read",
                    "--key", "{\"id\": {\"S\": \"" + id + "\"}}").path("Item");
            assertEquals(String.valueOf(before + 1), item.path("likes").path("N").asText(), "the like is in the table: " + item);

            CommandHarness.Result third = cli.run("setup");
            third.ok();
            assertEquals(String.valueOf(before + 1), aws("dynamodb", "get-item", "--table-name", table, "--consistent-read",
                    "--key", "{\"id\": {\"S\": \"" + id + "\"}}").path("Item").path("likes").path("N").asText(),
                    "setup again does not undo the like");
        } finally {
            cli.run("cleanup", "--yes").ok();
        }
        List<String> tables = new ArrayList<>();
        aws("dynamodb", "list-tables").path("TableNames").forEach(t -> tables.add(t.asText()));
        assertFalse(tables.contains(table), "cleanup leaves no table: " + tables);
        List<String> roles = new ArrayList<>();
        aws("iam", "list-roles").path("Roles").forEach(r -> roles.add(r.path("RoleName").asText()));
        assertTrue(roles.stream().noneMatch(r -> r.startsWith(ws + "-")), "cleanup leaves no role: " + roles);
        assertEquals(baseline, AwsInventory.take(), "the AWS CLI's inventory is as before setup");
        assertEquals(List.of(), AwsInventory.runningTasks(), "no task runs");
    }

    private static SortedSet<String> ids(JsonNode items, boolean dynamoDbJson) {
        SortedSet<String> ids = new TreeSet<>();
        items.forEach(i -> ids.add(dynamoDbJson ? i.path("id").path("S").asText() : i.path("id").asText()));
        return ids;
    }

    /** curl, an independent client: the body, or the test fails with curl's words. */
    private static String curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-f", "--max-time", "20"));
        command.addAll(List.of(args));
        TestSandbox.ProcessResult result = TestSandbox.run(command, Map.of(), Duration.ofSeconds(30));
        assertEquals(0, result.exitCode(), "curl " + String.join(" ", args) + ": " + result.err() + result.out());
        return result.out();
    }
}
