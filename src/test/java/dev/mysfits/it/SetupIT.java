package dev.mysfits.it;

import dev.mysfits.aws.AwsAdapters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.aws.AwsClients;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.infrastructure.SetupAdapters;
import dev.mysfits.workflow.infrastructure.SetupLookup;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mysfits setup against this JVM's moto, checked with the AWS CLI. */
class SetupIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    @Test
    void setup_onFreshWorkshop_createsEverythingTaggedAndRecorded_andSecondRunChangesNothing() throws IOException {
        String workshop = "setup-xyz";
        Path dir = TestSandbox.workshop(workshop);
        ResourceNames names = new ResourceNames(workshop);

        long start = System.nanoTime();
        CommandHarness.Result first = TestSandbox.harness(dir).run("setup", "--stats");
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        int firstCalls = first.apiCallCount();
        Map<String, Integer> firstByOperation = first.apiCalls();

        assertEquals(0, first.exitCode(), first.err());
        // AWS makes a load balancer provisioning first (the sandbox too): setup looks at it last, so that it provisions
        // while the other steps run, and returns once it is active (the AWS CLI below agrees).
        List<String> stepLines = first.err().lines().filter(l -> l.startsWith("    ✔ ") || l.startsWith("    · ")).toList();
        assertEquals("    · checked load balancer " + names.loadBalancer() + " (active)", stepLines.get(stepLines.size() - 1),
                first.err());
        assertEquals("http://" + workshop + "-alb-1.us-east-1.elb.amazonaws.com", first.out().strip());
        assertTrue(first.err().contains("mysfits deploy monolith --fargate"), first.err());

        // Security groups and their rules.
        JsonNode groups = TestSandbox.aws("ec2", "describe-security-groups", "--filters",
                "Name=group-name,Values=" + names.loadBalancerSecurityGroup() + "," + names.tasksSecurityGroup()).get("SecurityGroups");
        assertEquals(2, groups.size());
        JsonNode lbGroup = byField(groups, "GroupName", names.loadBalancerSecurityGroup());
        JsonNode tasksGroup = byField(groups, "GroupName", names.tasksSecurityGroup());
        assertEquals(Set.of("tcp 80-80 0.0.0.0/0"), rules(lbGroup));
        String lbGroupId = lbGroup.get("GroupId").asText();
        assertEquals(Set.of("tcp 80-80 " + lbGroupId, "tcp 32768-65535 " + lbGroupId), rules(tasksGroup));
        assertTagged(lbGroup.get("Tags"), workshop);
        assertTagged(tasksGroup.get("Tags"), workshop);

        // Load balancer and listener.
        JsonNode lb = TestSandbox.aws("elbv2", "describe-load-balancers", "--names", names.loadBalancer()).get("LoadBalancers").get(0);
        assertEquals("active", lb.get("State").get("Code").asText());
        assertEquals("internet-facing", lb.get("Scheme").asText());
        assertEquals("application", lb.get("Type").asText());
        assertEquals(List.of(lbGroupId), texts(lb.get("SecurityGroups")));
        assertTrue(lb.get("AvailabilityZones").size() >= 2);
        String lbArn = lb.get("LoadBalancerArn").asText();
        assertTagged(TestSandbox.aws("elbv2", "describe-tags", "--resource-arns", lbArn).get("TagDescriptions").get(0).get("Tags"), workshop);
        JsonNode listeners = TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn", lbArn).get("Listeners");
        assertEquals(1, listeners.size());
        JsonNode listener = listeners.get(0);
        assertEquals(80, listener.get("Port").asInt());
        assertEquals("HTTP", listener.get("Protocol").asText());
        JsonNode action = listener.get("DefaultActions").get(0);
        assertEquals("fixed-response", action.get("Type").asText());
        assertEquals("404", action.get("FixedResponseConfig").get("StatusCode").asText());
        assertEquals("text/plain", action.get("FixedResponseConfig").get("ContentType").asText());
        assertEquals("No mysfits service claims this path yet", action.get("FixedResponseConfig").get("MessageBody").asText());

        // Cluster.
        JsonNode cluster = TestSandbox.aws("ecs", "describe-clusters", "--clusters", names.cluster(), "--include", "TAGS")
                .get("clusters").get(0);
        assertEquals("ACTIVE", cluster.get("status").asText());
        assertTaggedLowercase(cluster.get("tags"), workshop);

        // Log groups, one per configured service.
        JsonNode logGroups = TestSandbox.aws("logs", "describe-log-groups", "--log-group-name-prefix", "/mysfits/" + workshop + "/")
                .get("logGroups");
        assertEquals(Set.of(names.logGroup("monolith"), names.logGroup("like")), new HashSet<>(textsOf(logGroups, "logGroupName")));
        for (JsonNode group : logGroups) {
            assertEquals(7, group.get("retentionInDays").asInt());
            JsonNode tags = TestSandbox.aws("logs", "list-tags-log-group", "--log-group-name", group.get("logGroupName").asText()).get("tags");
            assertEquals(workshop, tags.get(ResourceNames.TAG_WORKSHOP).asText());
        }

        // Roles.
        JsonNode execution = TestSandbox.aws("iam", "get-role", "--role-name", names.executionRole()).get("Role");
        assertTrue(execution.get("AssumeRolePolicyDocument").toString().contains("ecs-tasks.amazonaws.com"));
        assertTagged(TestSandbox.aws("iam", "list-role-tags", "--role-name", names.executionRole()).get("Tags"), workshop);
        assertEquals(List.of(EXECUTION_POLICY), textsOf(TestSandbox.aws("iam", "list-attached-role-policies", "--role-name",
                names.executionRole()).get("AttachedPolicies"), "PolicyArn"));
        JsonNode task = TestSandbox.aws("iam", "get-role", "--role-name", names.taskRole()).get("Role");
        assertTrue(task.get("AssumeRolePolicyDocument").toString().contains("ecs-tasks.amazonaws.com"));
        assertTagged(TestSandbox.aws("iam", "list-role-tags", "--role-name", names.taskRole()).get("Tags"), workshop);

        // The ledger lists every created resource.
        Path ledgerFile = dir.resolve(".mysfits/ledger.json");
        JsonNode ledger = JSON.readTree(ledgerFile.toFile());
        Set<String> recorded = new HashSet<>();
        ledger.forEach(e -> recorded.add(e.get("type").asText() + " " + e.get("id").asText()));
        assertEquals(Set.of(
                "SECURITY_GROUP " + lbGroupId,
                "SECURITY_GROUP " + tasksGroup.get("GroupId").asText(),
                "LOAD_BALANCER " + lbArn,
                "LISTENER " + listener.get("ListenerArn").asText(),
                "CLUSTER " + cluster.get("clusterArn").asText(),
                "LOG_GROUP " + names.logGroup("monolith"),
                "LOG_GROUP " + names.logGroup("like"),
                "IAM_ROLE " + names.executionRole(),
                "IAM_ROLE " + names.taskRole(),
                // the repository's mysfits.json: the monolith's own task role and the labs' table
                "IAM_ROLE " + names.serviceTaskRole("monolith"),
                "DYNAMODB_TABLE " + names.table("mysfits")), recorded);

        // Second run: nothing new anywhere, and it says so.
        String before = inventory();
        String ledgerBefore = Files.readString(ledgerFile);
        start = System.nanoTime();
        CommandHarness.Result second = TestSandbox.harness(dir).run("setup", "--stats");
        long secondMillis = (System.nanoTime() - start) / 1_000_000;
        int secondCalls = second.apiCallCount();

        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("everything is up to date: nothing changed"), second.err());
        assertFalse(second.err().contains("created"), second.err());
        assertFalse(second.err().contains("waiting for load balancer"), "active already: " + second.err());
        assertEquals(before, inventory());
        assertEquals(ledgerBefore, Files.readString(ledgerFile));
        assertEquals(first.out(), second.out());

        String report = "setup against moto: first run " + firstCalls + " AWS API calls, " + firstMillis + " ms; "
                + "second run " + secondCalls + " calls, " + secondMillis + " ms\nfirst run by operation: " + firstByOperation
                + "\nsecond run by operation: " + second.apiCalls() + "\n";
        Files.writeString(TestSandbox.repoRoot().resolve("target/setup-api-calls.txt"), report);
        System.out.print(report);
    }

    @Test
    void setupJson_matchesWhatTheLookupForDeployFinds() throws IOException {
        String workshop = "setup-json";
        Path dir = TestSandbox.workshop(workshop);
        try (AwsAdapters aws = TestSandbox.awsAdapters()) {
            SetupLookup lookup = new SetupLookup(SetupAdapters.of(aws), new ResourceNames(workshop), TestSandbox.REGION);
            dev.mysfits.core.MysfitsException missing = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.mysfits.core.MysfitsException.class, () -> lookup.find(List.of("monolith", "like")));
            assertTrue(missing.getMessage().contains("not set up in us-east-1"), missing.getMessage());

            CommandHarness.Result result = TestSandbox.harness(dir).run("setup", "--output", "json");

            assertEquals(0, result.exitCode(), result.err());
            Infrastructure printed = JSON.readValue(result.out(), Infrastructure.class);
            assertEquals(printed, lookup.find(List.of("monolith", "like")));
            assertEquals(workshop, printed.workshop());
        }
    }

    @Test
    void rerun_afterTheDefaultActionWasChanged_leavesItAlone() {
        String workshop = "setup-keep";
        Path dir = TestSandbox.workshop(workshop);
        assertEquals(0, TestSandbox.harness(dir).run("setup").exitCode());
        String lbArn = TestSandbox.aws("elbv2", "describe-load-balancers", "--names", workshop + "-alb")
                .get("LoadBalancers").get(0).get("LoadBalancerArn").asText();
        String listenerArn = TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn", lbArn)
                .get("Listeners").get(0).get("ListenerArn").asText();
        TestSandbox.aws("elbv2", "modify-listener", "--listener-arn", listenerArn, "--default-actions",
                "Type=fixed-response,FixedResponseConfig={StatusCode=200,ContentType=text/plain,MessageBody=claimed}");

        CommandHarness.Result again = TestSandbox.harness(dir).run("setup");

        assertEquals(0, again.exitCode(), again.err());
        JsonNode action = TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn", lbArn)
                .get("Listeners").get(0).get("DefaultActions").get(0);
        assertEquals("200", action.get("FixedResponseConfig").get("StatusCode").asText());
        assertEquals("claimed", action.get("FixedResponseConfig").get("MessageBody").asText());
    }

    @Test
    void dryRun_onFreshWorkshop_printsThePlan_andLeavesEverythingUnchanged() throws IOException {
        Path dir = TestSandbox.workshop("setup-dry");
        String before = inventory();

        CommandHarness.Result result = TestSandbox.harness(dir).run("setup", "--dry-run", "--output", "json");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(before, inventory());
        assertFalse(Files.exists(dir.resolve(".mysfits/ledger.json")));
        JsonNode plan = JSON.readTree(result.out());
        assertTrue(plan.get("dryRun").asBoolean());
        List<String> planned = new ArrayList<>();
        plan.get("changes").forEach(c -> planned.add(c.get("action").asText() + " " + c.get("resource").asText()));
        assertTrue(planned.contains("create load balancer setup-dry-alb"), planned.toString());
        assertTrue(planned.contains("create IAM role setup-dry-ecs-execution"), planned.toString());
        assertTrue(result.err().contains("would create HTTP :80 listener"), result.err());
    }

    @Test
    void bogusVpcId_isUsageError_andCreatesNothing() {
        Path dir = TestSandbox.workshop("setup-bogus");
        String before = inventory();

        CommandHarness.Result result = TestSandbox.harness(dir).run("setup", "--vpc-id", "vpc-bogus");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("Error: VPC vpc-bogus does not exist in us-east-1"), result.err());
        assertEquals(before, inventory());
        assertFalse(Files.exists(dir.resolve(".mysfits/ledger.json")));
    }

    @Test
    void subnetsOfOneZone_isUsageError_andCreatesNothing() {
        Path dir = TestSandbox.workshop("setup-onezone");
        List<JsonNode> subnets = defaultSubnets();
        String before = inventory();

        CommandHarness.Result result = TestSandbox.harness(dir).run("setup", "--subnets", subnets.get(0).get("SubnetId").asText());

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("a load balancer needs two"), result.err());
        assertEquals(before, inventory());
    }

    @Test
    void stackOutputsFile_placesTheLoadBalancerInItsSubnets() throws IOException {
        Path dir = TestSandbox.workshop("setup-cfn");
        List<JsonNode> subnets = defaultSubnets();
        String vpcId = subnets.get(0).get("VpcId").asText();
        String a = subnets.get(0).get("SubnetId").asText();
        String b = subnets.get(1).get("SubnetId").asText();
        // A private subnet is the tasks' (deploy --private), never the load balancer's.
        String c = subnets.get(2).get("SubnetId").asText();
        Files.writeString(dir.resolve("cfn-output.json"), """
                [{"OutputKey": "VPCId", "OutputValue": "%s"},
                 {"OutputKey": "PublicSubnetOne", "OutputValue": "%s"},
                 {"OutputKey": "PublicSubnetTwo", "OutputValue": "%s"},
                 {"OutputKey": "PrivateSubnetOne", "OutputValue": "%s"}]""".formatted(vpcId, a, b, c));

        CommandHarness.Result result = TestSandbox.harness(dir).run("setup", "--stack-outputs", "cfn-output.json");

        assertEquals(0, result.exitCode(), result.err());
        JsonNode lb = TestSandbox.aws("elbv2", "describe-load-balancers", "--names", "setup-cfn-alb").get("LoadBalancers").get(0);
        assertEquals(vpcId, lb.get("VpcId").asText());
        assertEquals(Set.of(a, b), new HashSet<>(textsOf(lb.get("AvailabilityZones"), "SubnetId")));
        JsonNode tasksGroup = TestSandbox.aws("ec2", "describe-security-groups", "--filters", "Name=group-name,Values=setup-cfn-tasks")
                .get("SecurityGroups").get(0);
        assertTrue(tasksGroup.get("Tags").toString().contains("{\"Key\":\"mysfits:private-subnets\",\"Value\":\"" + c + "\"}"),
                "the private subnet is remembered for deploy --private: " + tasksGroup.get("Tags"));
    }

    /**
     * The labs' stack made the table and the repository: setup reuses them (and makes neither, nor loads items into the
     * table), an output naming a missing one stops setup before anything is made, and cleanup removes what mysfits
     * made while the stack's table, its item and the repository stay.
     */
    @Test
    void stackOutputs_withTheStacksTableAndRepository_reusesThem_andCleanupLeavesThem() throws IOException {
        String ws = "setup-adopt";
        String stackTable = "setup-adopt-stack-MysfitsTable-1X2Y";
        String stackRepository = "setup-adopt-stack/monolith";
        Path dir = TestSandbox.workshop(ws);
        com.fasterxml.jackson.databind.node.ObjectNode config =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(dir.resolve("mysfits.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("services").get("monolith")).put("repository", stackRepository);
        Files.writeString(dir.resolve("mysfits.json"), JSON.writeValueAsString(config));
        TestSandbox.aws("dynamodb", "create-table", "--table-name", stackTable, "--attribute-definitions",
                "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST");
        TestSandbox.aws("dynamodb", "wait", "table-exists", "--table-name", stackTable);
        TestSandbox.aws("dynamodb", "put-item", "--table-name", stackTable, "--item", "{\"id\": {\"S\": \"the-stack-s-own\"}}");
        String repositoryUri = TestSandbox.aws("ecr", "create-repository", "--repository-name", stackRepository)
                .path("repository").path("repositoryUri").asText();
        List<JsonNode> subnets = defaultSubnets();
        String network = """
                {"OutputKey": "VPCId", "OutputValue": "%s"},
                {"OutputKey": "PublicSubnetOne", "OutputValue": "%s"},
                {"OutputKey": "PublicSubnetTwo", "OutputValue": "%s"},""".formatted(subnets.get(0).get("VpcId").asText(),
                subnets.get(0).get("SubnetId").asText(), subnets.get(1).get("SubnetId").asText());
        Files.writeString(dir.resolve("missing.json"), "[" + network + """
                {"OutputKey": "DynamoTable", "OutputValue": "setup-adopt-no-such-table"}]""");
        Files.writeString(dir.resolve("cfn-output.json"), "[" + network + """
                {"OutputKey": "DynamoTable", "OutputValue": "%s"},
                {"OutputKey": "MonolithRepository", "OutputValue": "%s"},
                {"OutputKey": "SomethingElse", "OutputValue": "ignored"}]""".formatted(stackTable, repositoryUri));
        CommandHarness cli = TestSandbox.harness(dir);

        CommandHarness.Result missing = cli.run("setup", "--stack-outputs", "missing.json");
        assertEquals(3, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("Error: stack outputs " + dir.resolve("missing.json")
                + " name DynamoDB table setup-adopt-no-such-table, which does not exist in us-east-1"), missing.err());
        assertFalse(TestSandbox.aws("elbv2", "describe-load-balancers").toString().contains(ws + "-alb"), "nothing is made");

        CommandHarness.Result setup = cli.run("setup", "--stack-outputs", "cfn-output.json");

        assertEquals(0, setup.exitCode(), setup.err());
        List<String> tables = new ArrayList<>();
        TestSandbox.aws("dynamodb", "list-tables").get("TableNames").forEach(t -> tables.add(t.asText()));
        assertFalse(tables.contains(ws + "-mysfits"), "setup makes no table of its own: " + tables);
        assertEquals(1, TestSandbox.aws("dynamodb", "scan", "--table-name", stackTable).path("Count").asInt(),
                "no items are loaded into the stack's table");
        String policy = TestSandbox.aws("iam", "get-role-policy", "--role-name", new ResourceNames(ws).serviceTaskRole("monolith"),
                "--policy-name", "mysfits-service").path("PolicyDocument").toString();
        assertTrue(policy.contains("table/" + stackTable), "the monolith's policy names the stack's table: " + policy);
        assertEquals(0, cli.run("setup", "--stack-outputs", "cfn-output.json").exitCode(), "a second run converges");

        CommandHarness.Result cleanup = cli.run("cleanup", "--yes");

        assertEquals(0, cleanup.exitCode(), cleanup.err());
        assertTrue(cleanup.err().contains("left DynamoDB table " + stackTable + " as it is"), cleanup.err());
        assertEquals(1, TestSandbox.aws("dynamodb", "scan", "--table-name", stackTable).path("Count").asInt(), "the stack's table stays");
        assertEquals(stackRepository, TestSandbox.aws("ecr", "describe-repositories", "--repository-names", stackRepository)
                .path("repositories").get(0).path("repositoryName").asText());
        assertFalse(TestSandbox.aws("elbv2", "describe-load-balancers").toString().contains(ws + "-alb"), "mysfits' own ALB is gone");
        JsonNode cluster = TestSandbox.aws("ecs", "describe-clusters", "--clusters", ws).path("clusters");
        assertTrue(cluster.isEmpty() || "INACTIVE".equals(cluster.get(0).path("status").asText()), "mysfits' own cluster is gone: " + cluster);
        assertFalse(TestSandbox.aws("iam", "list-roles").toString().contains(ws + "-"), "mysfits' own roles are gone");
        TestSandbox.aws("dynamodb", "delete-table", "--table-name", stackTable);
        TestSandbox.aws("ecr", "delete-repository", "--repository-name", stackRepository, "--force");
    }

    @Test
    void unreachableEndpoint_isOneLinePreconditionError() {
        Path dir = TestSandbox.workshop("setup-noendpoint");

        for (String endpoint : List.of("http://127.0.0.1:1", "http://no-such-host.invalid:5000")) {
            CommandHarness.Result result = TestSandbox.harness(dir).run("--endpoint-url", endpoint, "setup");

            assertEquals(3, result.exitCode(), result.err());
            List<String> lines = result.err().lines().filter(l -> l.startsWith("Error:")).toList();
            assertEquals(1, lines.size(), result.err());
            assertTrue(lines.get(0).contains("cannot reach the AWS endpoint"), result.err());
            assertFalse(result.err().contains("\tat "), result.err());
            assertEquals("", result.out());
        }
    }

    /** Everything setup could create, account-wide, as the AWS CLI sees it. */
    private static String inventory() {
        StringBuilder all = new StringBuilder();
        all.append(TestSandbox.aws("ec2", "describe-security-groups").get("SecurityGroups"));
        JsonNode lbs = TestSandbox.aws("elbv2", "describe-load-balancers").get("LoadBalancers");
        all.append(lbs);
        for (JsonNode lb : lbs) {
            all.append(TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn", lb.get("LoadBalancerArn").asText()));
        }
        all.append(TestSandbox.aws("ecs", "list-clusters"));
        all.append(TestSandbox.aws("logs", "describe-log-groups"));
        all.append(TestSandbox.aws("iam", "list-roles"));
        return all.toString();
    }

    private static List<JsonNode> defaultSubnets() {
        List<JsonNode> subnets = new ArrayList<>();
        TestSandbox.aws("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true").get("Subnets").forEach(subnets::add);
        subnets.sort((x, y) -> x.get("AvailabilityZone").asText().compareTo(y.get("AvailabilityZone").asText()));
        return subnets;
    }

    private static Set<String> rules(JsonNode group) {
        Set<String> rules = new HashSet<>();
        for (JsonNode p : group.get("IpPermissions")) {
            String ports = p.get("IpProtocol").asText() + " " + p.get("FromPort").asInt() + "-" + p.get("ToPort").asInt();
            p.path("IpRanges").forEach(r -> rules.add(ports + " " + r.get("CidrIp").asText()));
            p.path("UserIdGroupPairs").forEach(r -> rules.add(ports + " " + r.get("GroupId").asText()));
        }
        return rules;
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<String> textsOf(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }

    private static void assertTagged(JsonNode tags, String workshop) {
        assertTrue(tags != null && tags.toString().contains("{\"Key\":\"mysfits:workshop\",\"Value\":\"" + workshop + "\"}"),
                "missing tag in " + tags);
    }

    private static void assertTaggedLowercase(JsonNode tags, String workshop) {
        assertTrue(tags != null && tags.toString().contains("{\"key\":\"mysfits:workshop\",\"value\":\"" + workshop + "\"}"),
                "missing tag in " + tags);
    }
}
