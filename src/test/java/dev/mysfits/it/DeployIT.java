package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mysfits deploy, task run, scale and status against moto, checked with the AWS CLI. */
class DeployIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAST = "--poll-interval=1s";

    /** Every request the deploys, runs and scales above sent is one AWS would accept. */
    @AfterAll
    static void awsWouldRefuseNoRequest() {
        TestSandbox.assertNoRequestAwsWouldRefuse();
    }

    @Test
    void deploy_fargate_createsServiceBehindDefaultRoute() throws Exception {
        DeployFixture ws = new DeployFixture("dfarg").setup().pushed("monolith", "latest");

        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", FAST, "--output", "json");

        assertEquals(0, result.exitCode(), result.err());
        JsonNode out = JSON.readTree(result.out());
        assertEquals(1, out.path("revision").asInt());
        assertTrue(out.path("url").asText().startsWith("http://dfarg-alb"), out.toString());
        JsonNode service = ws.service("monolith");
        assertNotNull(service, "service exists");
        assertEquals("FARGATE", service.path("launchType").asText());
        assertEquals(ws.taskDefinitions("monolith").get(0), service.path("taskDefinition").asText());
        assertEquals("ENABLED", service.path("networkConfiguration").path("awsvpcConfiguration").path("assignPublicIp").asText());
        JsonNode group = ws.targetGroups().get(0);
        assertEquals("ip", group.path("TargetType").asText());
        assertEquals(group.path("TargetGroupArn").asText(), service.path("loadBalancers").get(0).path("targetGroupArn").asText());
        JsonNode defaultRule = defaultRule(ws.rules());
        assertEquals("forward", defaultRule.path("Actions").get(0).path("Type").asText());
        assertEquals(group.path("TargetGroupArn").asText(), defaultRule.path("Actions").get(0).path("TargetGroupArn").asText());
    }

    /** Interstella's lab 001 puts the ALB's listener on 5000: setup makes it there, deploy routes it, curl reaches it. */
    @Test
    void setupListenerPort5000_deployRoutesOnIt_andTheUrlWithThePortAnswers() {
        DeployFixture ws = new DeployFixture("dport");
        CommandHarness.Result setup = ws.run("setup", "--listener-port", "5000");
        assertEquals(0, setup.exitCode(), setup.err());
        ws.pushed("monolith", "latest");

        CommandHarness.Result deploy = ws.run("deploy", "monolith", "--fargate", FAST);

        assertEquals(0, deploy.exitCode(), deploy.err());
        JsonNode lb = TestSandbox.aws("elbv2", "describe-load-balancers", "--names", "dport-alb").path("LoadBalancers").get(0);
        String dns = lb.path("DNSName").asText();
        assertEquals("http://" + dns + ":5000/", deploy.out().trim());
        JsonNode listeners = TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn",
                lb.path("LoadBalancerArn").asText()).path("Listeners");
        assertEquals(1, listeners.size(), listeners.toString());
        assertEquals(5000, listeners.get(0).path("Port").asInt());
        assertEquals("forward", defaultRule(ws.rules()).path("Actions").get(0).path("Type").asText());
        JsonNode ingress = TestSandbox.aws("ec2", "describe-security-groups", "--group-ids",
                lb.path("SecurityGroups").get(0).asText()).path("SecurityGroups").get(0).path("IpPermissions");
        assertEquals(1, ingress.size(), ingress.toString());
        assertEquals(5000, ingress.get(0).path("FromPort").asInt());
        TestSandbox.ProcessResult curl = TestSandbox.run(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--max-time", "10", "http://" + dns + ":5000/"), java.util.Map.of(), java.time.Duration.ofSeconds(20));
        assertEquals("200", curl.out(), "curl :5000");
        CommandHarness.Result status = ws.run("status", "monolith");
        assertTrue(status.out().contains("http://" + dns + ":5000/"), status.out());

        CommandHarness.Result moved = ws.run("setup", "--listener-port", "80");
        assertEquals(3, moved.exitCode(), moved.err());
        assertTrue(moved.err().contains("Error: workshop dport's load balancer listens on :5000, not :80"), moved.err());
        assertTrue(moved.err().contains("Hint: "), moved.err());
        assertEquals(1, TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn",
                lb.path("LoadBalancerArn").asText()).path("Listeners").size(), "refused before anything is made");
    }

    /**
     * The labs' stack made the ALB and its :5000 listener (cfn-output.json names them): setup reuses them, deploy routes
     * on that listener and curl reaches the service through it; cleanup removes mysfits' service, target group and
     * groups, resets the listener's default action, and leaves the stack's load balancer and listener.
     */
    @Test
    void stackOutputsLoadBalancer_setupReusesIt_deployRoutesOnItsListener_cleanupLeavesIt() throws Exception {
        DeployFixture ws = new DeployFixture("dstack");
        JsonNode subnets = TestSandbox.aws("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true").path("Subnets");
        String vpc = subnets.get(0).path("VpcId").asText();
        String a = subnets.get(0).path("SubnetId").asText();
        String b = subnets.get(1).path("SubnetId").asText();
        String group = TestSandbox.aws("ec2", "create-security-group", "--group-name", "dstack-the-stacks-alb", "--description",
                "made by the stack", "--vpc-id", vpc).path("GroupId").asText();
        TestSandbox.aws("ec2", "authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "5000",
                "--cidr", "0.0.0.0/0");
        JsonNode lb = TestSandbox.aws("elbv2", "create-load-balancer", "--name", "dstack-the-stacks", "--subnets", a, b,
                "--security-groups", group).path("LoadBalancers").get(0);
        String lbArn = lb.path("LoadBalancerArn").asText();
        String dns = lb.path("DNSName").asText();
        String listener = TestSandbox.aws("elbv2", "create-listener", "--load-balancer-arn", lbArn, "--protocol", "HTTP",
                "--port", "5000", "--default-actions", "Type=fixed-response,FixedResponseConfig={StatusCode=503}")
                .path("Listeners").get(0).path("ListenerArn").asText();
        // ELBv2 reads a new listener by ARN only after a moment; a stack is CREATE_COMPLETE, and its outputs file
        // written, once what it made can be read, so this one is too before the attendee runs setup.
        awaitReadable(() -> TestSandbox.aws("elbv2", "describe-listeners", "--listener-arns", listener));
        java.nio.file.Files.writeString(ws.dir.resolve("cfn-output.json"), """
                {"VPCId": "%s", "PublicSubnetOne": "%s", "PublicSubnetTwo": "%s",
                 "LoadBalancerDNS": "%s", "LoadBalancerListener": "%s"}""".formatted(vpc, a, b, dns, listener));

        CommandHarness.Result setup = ws.run("setup", "--stack-outputs", "cfn-output.json");
        assertEquals(0, setup.exitCode(), setup.err());
        assertEquals("http://" + dns + ":5000", setup.out().trim());
        assertEquals(1, TestSandbox.aws("elbv2", "describe-load-balancers").path("LoadBalancers").findValuesAsText("LoadBalancerName")
                .stream().filter(n -> n.startsWith("dstack")).count(), "setup made no load balancer of its own");
        ws.pushed("monolith", "latest");
        CommandHarness.Result deploy = ws.run("deploy", "monolith", "--fargate", FAST);

        assertEquals(0, deploy.exitCode(), deploy.err());
        assertEquals("http://" + dns + ":5000/", deploy.out().trim());
        TestSandbox.ProcessResult curl = TestSandbox.run(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--max-time", "10", "http://" + dns + ":5000/"), java.util.Map.of(), java.time.Duration.ofSeconds(20));
        assertEquals("200", curl.out(), "curl the stack's listener");

        CommandHarness.Result cleanup = ws.run("cleanup", "--yes");

        assertEquals(0, cleanup.exitCode(), cleanup.err());
        JsonNode listeners = TestSandbox.aws("elbv2", "describe-listeners", "--load-balancer-arn", lbArn).path("Listeners");
        assertEquals(listener, listeners.get(0).path("ListenerArn").asText(), "the stack's listener stays");
        assertEquals("fixed-response", listeners.get(0).path("DefaultActions").get(0).path("Type").asText(), listeners.toString());
        assertEquals(List.of(), ws.targetGroups(), "mysfits' target group is gone");
        assertEquals(null, ws.service("monolith"), "mysfits' service is gone");
        JsonNode groups = TestSandbox.aws("ec2", "describe-security-groups", "--filters", "Name=vpc-id,Values=" + vpc).path("SecurityGroups");
        assertEquals(List.of("dstack-the-stacks-alb"), groups.findValuesAsText("GroupName").stream().filter(n -> n.startsWith("dstack")).toList(),
                "mysfits' own groups are gone, the stack's stays");
        TestSandbox.aws("elbv2", "delete-listener", "--listener-arn", listener);
        TestSandbox.aws("elbv2", "delete-load-balancer", "--load-balancer-arn", lbArn);
        TestSandbox.aws("ec2", "delete-security-group", "--group-id", group);
    }

    @Test
    void deploy_rightAfterTheServiceWasDeletedByHand_waitsForItToDrain_thenCreatesItAgain() {
        DeployFixture ws = new DeployFixture("dredo");
        // Draining lasts the deregistration delay (100 s, 10 s on the sandbox clock): long enough to meet it.
        ws.editConfig(config -> ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("services").get("monolith"))
                .putObject("healthCheck").put("deregistrationDelaySeconds", 100));
        ws.setup().pushed("monolith", "latest");
        assertEquals(0, ws.run("deploy", "monolith", "--fargate", FAST).exitCode());
        String first = ws.service("monolith").path("serviceArn").asText();
        TestSandbox.aws("ecs", "delete-service", "--cluster", ws.name, "--service", "monolith", "--force");
        assertEquals("DRAINING", TestSandbox.aws("ecs", "describe-services", "--cluster", ws.name, "--services", "monolith")
                .path("services").get(0).path("status").asText());

        CommandHarness.Result again = ws.run("deploy", "monolith", "--fargate", FAST);

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("waiting for the old service monolith to finish draining"), again.err());
        JsonNode service = ws.service("monolith");
        assertNotNull(service, "a new ACTIVE service");
        assertEquals(first, service.path("serviceArn").asText(), "ECS gives the same name the same ARN");
        assertEquals(1, service.path("runningCount").asInt(), service.toString());
    }

    @Test
    void deploy_unchangedTemplate_registersNoNewRevisionAndCreatesNothing() throws Exception {
        DeployFixture ws = new DeployFixture("dnoop").setup().pushed("monolith", "latest");
        assertEquals(0, ws.run("deploy", "monolith", "--fargate", FAST).exitCode());
        String servicesBefore = ws.service("monolith").path("taskDefinition").asText();

        CommandHarness.Result again = ws.run("deploy", "monolith", "--fargate", FAST, "--output", "json");

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(0, JSON.readTree(again.out()).path("changed").size(), again.out());
        assertEquals(1, ws.taskDefinitions("monolith").size());
        assertEquals(1, ws.targetGroups().size());
        assertEquals(1, ws.rules().size(), "only the default rule");
        assertEquals(servicesBefore, ws.service("monolith").path("taskDefinition").asText());
    }

    @Test
    void deploy_newTag_registersExactlyOneRevisionAndUpdatesService() throws Exception {
        DeployFixture ws = new DeployFixture("dtag").setup().pushed("monolith", "latest").pushed("monolith", "nolike");
        assertEquals(0, ws.run("deploy", "monolith", "--fargate", FAST).exitCode());

        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", "--tag", "nolike", FAST, "--output", "json");

        assertEquals(0, result.exitCode(), result.err());
        List<String> revisions = ws.taskDefinitions("monolith");
        assertEquals(2, revisions.size(), revisions.toString());
        JsonNode service = ws.service("monolith");
        assertTrue(service.path("taskDefinition").asText().endsWith(":2"), service.toString());
        JsonNode definition = TestSandbox.aws("ecs", "describe-task-definition", "--task-definition", ws.family("monolith") + ":2");
        assertTrue(definition.path("taskDefinition").path("containerDefinitions").get(0).path("image").asText().endsWith(":nolike"));
        assertEquals(2, JSON.readTree(result.out()).path("revision").asInt());
    }

    @Test
    void deploy_ec2_usesInstanceTargetGroupAndEc2LaunchType() {
        DeployFixture ws = new DeployFixture("dec2").setup().pushed("monolith", "latest");
        CommandHarness.Result empty = ws.run("deploy", "monolith", "--ec2", "--dry-run");
        assertTrue(empty.err().contains("no container instances"), empty.err());
        List<String> instances = ws.containerInstances(1);

        CommandHarness.Result result = ws.run("deploy", "monolith", "--ec2", FAST);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("EC2", ws.service("monolith").path("launchType").asText());
        assertEquals("instance", ws.targetGroups().get(0).path("TargetType").asText());
        JsonNode definition = TestSandbox.aws("ecs", "describe-task-definition", "--task-definition", ws.family("monolith"));
        assertEquals("bridge", definition.path("taskDefinition").path("networkMode").asText());
        assertTrue(result.out().trim().startsWith("http://dec2-alb"), result.out());
        // Bridge mode: the target is the instance and a dynamic host port, and the ALB reaches the task through it.
        JsonNode target = TestSandbox.aws("elbv2", "describe-target-health", "--target-group-arn",
                ws.targetGroups().get(0).path("TargetGroupArn").asText()).path("TargetHealthDescriptions").get(0);
        assertEquals(instances.get(0), target.path("Target").path("Id").asText());
        assertTrue(target.path("Target").path("Port").asInt() >= 32768, target.toString());
        assertEquals(200, TestSandbox.httpGet(result.out().trim() + "mysfits").getKey());
        ws.run("cleanup", "--yes");
        ws.terminate(instances);
    }

    @Test
    void deploy_microserviceSplit_oneAlbWithDefaultActionAndOnePathRule() throws Exception {
        DeployFixture ws = new DeployFixture("dsplit").setup().pushed("monolith", "latest").pushed("like", "latest");
        assertEquals(0, ws.run("deploy", "monolith", "--fargate", FAST).exitCode());

        CommandHarness.Result like = ws.run("deploy", "like", "--fargate", "--path", "/mysfits/*/like", FAST);

        assertEquals(0, like.exitCode(), like.err());
        assertTrue(like.out().trim().endsWith("/mysfits/example/like"), like.out());
        JsonNode rules = ws.rules();
        assertEquals(2, rules.size(), rules.toString());
        String monolithTg = targetGroupArn(ws, ws.name + "-monolith-fg");
        String likeTg = targetGroupArn(ws, ws.name + "-like-fg");
        assertEquals(monolithTg, defaultRule(rules).path("Actions").get(0).path("TargetGroupArn").asText());
        JsonNode pathRule = null;
        for (JsonNode rule : rules) {
            if (!rule.path("IsDefault").asBoolean()) {
                pathRule = rule;
            }
        }
        assertNotNull(pathRule);
        assertEquals("1", pathRule.path("Priority").asText());
        assertTrue(pathRule.path("Conditions").toString().contains("\"/mysfits/*/like\""), pathRule.toString());
        assertEquals(likeTg, pathRule.path("Actions").get(0).path("TargetGroupArn").asText());
        JsonNode env = TestSandbox.aws("ecs", "describe-task-definition", "--task-definition", ws.family("like"))
                .path("taskDefinition").path("containerDefinitions").get(0).path("environment");
        assertTrue(env.toString().contains("MONOLITH_URL") && env.toString().contains("http://dsplit-alb"), env.toString());

        CommandHarness.Result status = ws.run("status", "--output", "json");
        assertEquals(0, status.exitCode(), status.err());
        JsonNode statuses = JSON.readTree(status.out());
        assertEquals(2, statuses.size());
        assertTrue(statuses.get(0).path("url").asText().endsWith("elb.amazonaws.com/"), status.out());
        assertTrue(statuses.get(1).path("url").asText().endsWith("/mysfits/example/like"), status.out());
        CommandHarness.Result table = ws.run("status");
        assertTrue(table.out().startsWith("SERVICE") && table.out().contains("like") && table.out().contains("FARGATE"), table.out());
    }

    @Test
    void scale_setsDesiredCountVisibleThroughAwsCli() {
        DeployFixture ws = new DeployFixture("dscale").setup().pushed("monolith", "latest");
        assertEquals(0, ws.run("deploy", "monolith", "--fargate", FAST).exitCode());

        CommandHarness.Result result = ws.run("scale", "monolith", "--count", "3", FAST);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(3, ws.service("monolith").path("desiredCount").asInt());
        assertEquals("monolith 3/3", result.out().trim());
    }

    @Test
    void taskRun_runsCurrentRevisionAndReportsRunning() throws Exception {
        DeployFixture ws = new DeployFixture("dtask").setup().pushed("monolith", "latest");
        // The stock template: its container soft limit is what lets moto's RunTask size the task.
        CommandHarness.Result deployed = ws.run("deploy", "monolith", "--fargate", FAST);
        assertEquals(0, deployed.exitCode(), deployed.err());

        CommandHarness.Result result = ws.run("task", "run", "monolith", "--output", "json");

        assertEquals(0, result.exitCode(), result.err());
        JsonNode task = JSON.readTree(result.out());
        assertEquals("RUNNING", task.path("lastStatus").asText());
        JsonNode described = TestSandbox.aws("ecs", "describe-tasks", "--cluster", ws.name, "--tasks", task.path("taskArn").asText());
        assertEquals(ws.taskDefinitions("monolith").get(0), described.path("tasks").get(0).path("taskDefinitionArn").asText());
    }

    @Test
    void deploy_dryRun_leavesEveryResourceUnchanged() {
        DeployFixture ws = new DeployFixture("ddry").setup().pushed("monolith", "latest").pushed("like", "latest");
        assertEquals(0, ws.run("deploy", "monolith", "--fargate", FAST).exitCode());
        String before = snapshot(ws);

        CommandHarness.Result likeDry = ws.run("deploy", "like", "--fargate", "--path", "/mysfits/*/like", "--dry-run");
        CommandHarness.Result monolithDry = ws.run("deploy", "monolith", "--ec2", "--dry-run");

        assertEquals(0, likeDry.exitCode(), likeDry.err());
        assertTrue(likeDry.err().contains("would create service like"), likeDry.err());
        assertTrue(likeDry.err().contains("would create listener rule /mysfits/*/like"), likeDry.err());
        assertEquals(2, monolithDry.exitCode(), "a Fargate service cannot move to EC2: " + monolithDry.err());
        assertEquals(before, snapshot(ws));
    }

    @Test
    void deploy_notStableYet_stopsAtTimeoutWithReason() {
        // Two passing health checks 300 s apart (30 s on the tests' sandbox clock) cannot happen within 2 s: the
        // rollout is still under way, at any time scale up to 150.
        DeployFixture ws = new DeployFixture("dtime").setup().pushed("monolith", "latest");
        ws.editConfig(config -> ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("services").get("monolith"))
                .putObject("healthCheck").put("intervalSeconds", 300));

        long start = System.nanoTime();
        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", "--count", "2", "--timeout", "2s", FAST);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertEquals(4, result.exitCode(), result.err());
        assertTrue(result.err().contains("did not become stable within 2s: "), result.err());
        assertTrue(result.err().contains(" of 2 task(s) running"), result.err());
        assertTrue(result.err().contains("reason:"), result.err());
        assertTrue(seconds < 30, "gave up in " + seconds + "s");
    }

    @Test
    void deploy_unhealthyTargets_failAtTimeoutWithTheHealthCheckReason() {
        // The app answers 404 on this health path: the targets never pass, and waiting longer would not help.
        DeployFixture ws = new DeployFixture("dsick").setup().pushed("monolith", "latest");
        ws.editConfig(config -> ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("services").get("monolith"))
                .put("healthPath", "/no-such-page"));

        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", "--timeout", "25s", FAST);

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().contains("Health checks failed with these codes: [404]"), result.err());
    }

    @Test
    void deploy_measured_firstDeployAndNoOpRedeploy() {
        DeployFixture ws = new DeployFixture("dmeasure").setup().pushed("monolith", "latest");

        long start = System.nanoTime();
        CommandHarness.Result first = ws.run("deploy", "monolith", "--fargate", FAST, "--stats");
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        java.util.Map<String, Integer> firstCalls = first.apiCalls();
        int firstTotal = first.apiCallCount();
        start = System.nanoTime();
        CommandHarness.Result again = ws.run("deploy", "monolith", "--fargate", FAST, "--stats");
        long againMillis = (System.nanoTime() - start) / 1_000_000;
        java.util.Map<String, Integer> againCalls = again.apiCalls();
        int againTotal = again.apiCallCount();

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(0, again.exitCode(), again.err());
        System.out.println("MEASURE first deploy: " + firstTotal + " AWS calls, " + firstMillis + " ms: " + firstCalls);
        System.out.println("MEASURE no-op redeploy: " + againTotal + " AWS calls, " + againMillis + " ms: " + againCalls);
        assertTrue(againCalls.keySet().stream().noneMatch(c -> c.matches(".*\\.(Register|Create|Update|Modify|Put|Delete).*")), againCalls.toString());
        assertTrue(firstCalls.containsKey("Ecs.RegisterTaskDefinition") && firstCalls.containsKey("Ecs.CreateService"), firstCalls.toString());
    }

    static String snapshot(DeployFixture ws) {
        return ws.taskDefinitions("monolith") + "|" + ws.taskDefinitions("like") + "|" + ws.targetGroups() + "|" + ws.rules()
                + "|" + TestSandbox.aws("ecs", "list-services", "--cluster", ws.name) + "|" + ws.service("monolith");
    }

    static JsonNode defaultRule(JsonNode rules) {
        for (JsonNode rule : rules) {
            if (rule.path("IsDefault").asBoolean()) {
                return rule;
            }
        }
        throw new AssertionError("no default rule in " + rules);
    }

    static String targetGroupArn(DeployFixture ws, String name) {
        return TestSandbox.aws("elbv2", "describe-target-groups", "--names", name).path("TargetGroups").get(0).path("TargetGroupArn").asText();
    }

    private static void awaitReadable(Runnable read) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                read.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }
}
