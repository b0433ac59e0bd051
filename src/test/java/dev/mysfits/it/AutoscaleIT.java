package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.core.ResourceNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mysfits autoscale against moto, checked with the AWS CLI's application-autoscaling commands. */
class AutoscaleIT {
    private static final String WORKSHOP = "asit";
    private static final ResourceNames NAMES = new ResourceNames(WORKSHOP);
    private static final String RESOURCE_ID = "service/" + NAMES.cluster() + "/" + NAMES.ecsService("monolith");
    private static final String POLICY = WORKSHOP + "-monolith-cpu";

    private Path workshop;
    private CommandHarness mysfits;

    @BeforeEach
    void setUp() {
        TestSandbox.resetMoto();
        workshop = TestSandbox.workshop(WORKSHOP);
        mysfits = TestSandbox.harness(workshop);
    }

    private void deployMonolithWithAwsCli() {
        TestSandbox.aws("ecs", "create-cluster", "--cluster-name", NAMES.cluster());
        TestSandbox.aws("ecs", "register-task-definition", "--family", NAMES.taskFamily("monolith"),
                "--container-definitions", "[{\"name\":\"monolith\",\"image\":\"monolith:v1\",\"memory\":128}]");
        TestSandbox.aws("ecs", "create-service", "--cluster", NAMES.cluster(), "--service-name", NAMES.ecsService("monolith"),
                "--task-definition", NAMES.taskFamily("monolith"), "--desired-count", "1");
        // DescribeServices answers MISSING for a moment after CreateService (catalogue row 10): the service counts as
        // deployed by hand once AWS describes it, as the lab's console shows it.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (TestSandbox.aws("ecs", "describe-services", "--cluster", NAMES.cluster(), "--services", NAMES.ecsService("monolith"))
                .path("services").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the service made with the aws CLI never became describable");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void autoscale_deployedService_registersTargetAndCpuPolicy_andOffRemovesBoth() throws IOException {
        deployMonolithWithAwsCli();

        CommandHarness.Result on = mysfits.run("autoscale", "monolith", "--min", "1", "--max", "4", "--cpu-target", "60");

        assertEquals(0, on.exitCode(), on.err());
        assertEquals("monolith autoscales between 1 and 4 tasks at 60% CPU", on.out().strip());
        JsonNode target = onlyTarget();
        assertEquals(1, target.get("MinCapacity").asInt());
        assertEquals(4, target.get("MaxCapacity").asInt());
        assertEquals("ecs:service:DesiredCount", target.get("ScalableDimension").asText());
        JsonNode policy = onlyPolicy();
        assertEquals(POLICY, policy.get("PolicyName").asText());
        assertEquals("TargetTrackingScaling", policy.get("PolicyType").asText());
        JsonNode config = policy.get("TargetTrackingScalingPolicyConfiguration");
        assertEquals(60.0, config.get("TargetValue").asDouble());
        assertEquals("ECSServiceAverageCPUUtilization", config.get("PredefinedMetricSpecification").get("PredefinedMetricType").asText());
        String ledger = Files.readString(workshop.resolve(".mysfits/ledger.json"));
        assertTrue(ledger.contains("\"SCALABLE_TARGET\"") && ledger.contains(RESOURCE_ID), ledger);
        assertTrue(ledger.contains("\"SCALING_POLICY\"") && ledger.contains(policy.get("PolicyARN").asText()), ledger);

        CommandHarness.Result offResult = mysfits.run("autoscale", "monolith", "--off");

        assertEquals(0, offResult.exitCode(), offResult.err());
        assertEquals(0, TestSandbox.aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs")
                .get("ScalableTargets").size());
        assertEquals(0, TestSandbox.aws("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs")
                .get("ScalingPolicies").size());
        String after = Files.readString(workshop.resolve(".mysfits/ledger.json"));
        assertFalse(after.contains("SCALABLE_TARGET") || after.contains("SCALING_POLICY"), after);
    }

    @Test
    void autoscale_sameValuesTwice_secondRunChangesNothing() throws IOException {
        deployMonolithWithAwsCli();
        assertEquals(0, mysfits.run("autoscale", "monolith", "--min", "1", "--max", "3", "--cpu-target", "50").exitCode());
        JsonNode targetBefore = onlyTarget();
        JsonNode policyBefore = onlyPolicy();

        CommandHarness.Result again = mysfits.run("--output", "json", "autoscale", "monolith", "--min", "1", "--max", "3", "--cpu-target", "50");

        assertEquals(0, again.exitCode(), again.err());
        JsonNode result = new ObjectMapper().readTree(again.out());
        for (JsonNode change : result.get("changes")) {
            // Nothing created, updated or deleted: the service was checked, target and policy kept.
            assertTrue(java.util.Set.of("NONE", "CHECK").contains(change.get("action").asText()), again.out());
        }
        assertEquals(policyBefore.get("PolicyARN").asText(), result.get("policyArn").asText());
        assertFalse(again.err().contains("created") || again.err().contains("updated"), again.err());
        assertEquals(targetBefore, onlyTarget());
        assertEquals(policyBefore, onlyPolicy());
    }

    @Test
    void autoscale_serviceNotDeployed_exits3SayingDeployFirst_andCreatesNothing() {
        TestSandbox.aws("ecs", "create-cluster", "--cluster-name", NAMES.cluster());

        CommandHarness.Result result = mysfits.run("autoscale", "monolith", "--min", "1", "--max", "2");

        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("no ECS service monolith in cluster asit"), result.err());
        assertTrue(result.err().contains("deploy monolith first"), result.err());
        assertEquals(0, TestSandbox.aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs")
                .get("ScalableTargets").size());
    }

    private static JsonNode onlyTarget() {
        JsonNode targets = TestSandbox.aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs")
                .get("ScalableTargets");
        assertEquals(1, targets.size(), targets.toString());
        assertEquals(RESOURCE_ID, targets.get(0).get("ResourceId").asText());
        return targets.get(0);
    }

    private static JsonNode onlyPolicy() {
        JsonNode policies = TestSandbox.aws("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs")
                .get("ScalingPolicies");
        assertEquals(1, policies.size(), policies.toString());
        assertEquals(RESOURCE_ID, policies.get(0).get("ResourceId").asText());
        return policies.get(0);
    }
}
