package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first run on a new AWS account: no service-linked roles, and every role mysfits makes is new, so ECS,
 * Application Auto Scaling and CodeBuild refuse it for a while (AWS-BEHAVIOURS.md rows 6, 8, 9, 24, 25). Checked
 * with the AWS CLI.
 */
@SandboxFreshAccount
class FreshAccountIT {
    private static final String FAST = "--poll-interval=1s";

    @AfterAll
    static void awsWouldRefuseNoRequest() {
        TestSandbox.assertNoRequestAwsWouldRefuse();
    }

    @Test
    void freshAccount_setupDeployAndAutoscale_work_andTheServiceLinkedRolesExistAfterwards() {
        TestSandbox.resetMoto();
        assertTrue(!TestSandbox.aws("iam", "list-roles").toString().contains("AWSServiceRoleFor"),
                "a fresh account has no service-linked role");
        DeployFixture ws = new DeployFixture("fresh").setup().pushed("monolith", "latest");

        JsonNode role = TestSandbox.aws("iam", "get-role", "--role-name", "AWSServiceRoleForECS").path("Role");
        assertEquals("/aws-service-role/ecs.amazonaws.com/", role.path("Path").asText(), role.toString());

        CommandHarness.Result deployed = ws.run("deploy", "monolith", "--fargate", FAST);
        assertEquals(0, deployed.exitCode(), deployed.err());
        JsonNode service = ws.service("monolith");
        assertEquals(1, service.path("runningCount").asInt(), service.toString());

        CommandHarness.Result scaled = ws.run("autoscale", "monolith", "--min", "1", "--max", "2");
        assertEquals(0, scaled.exitCode(), scaled.err());
        JsonNode target = TestSandbox.aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs")
                .path("ScalableTargets").get(0);
        assertTrue(target.path("RoleARN").asText().endsWith(
                "/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService"),
                target.toString());

        CommandHarness.Result cleanup = ws.run("cleanup", "--yes");
        assertEquals(0, cleanup.exitCode(), cleanup.err());
        for (JsonNode cluster : TestSandbox.aws("ecs", "describe-clusters", "--clusters", "fresh").path("clusters")) {
            assertEquals("INACTIVE", cluster.path("status").asText(), cluster.toString());  // deleted, still describable
        }
        // the service-linked role belongs to the account: cleanup leaves it
        assertEquals("AWSServiceRoleForECS",
                TestSandbox.aws("iam", "get-role", "--role-name", "AWSServiceRoleForECS").path("Role").path("RoleName").asText());
    }
}
