package dev.mysfits.it;

import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad input: one error line, the documented exit code, and nothing created (checked with the AWS CLI). */
class DeployBadInputIT {
    private static DeployFixture ws;

    @BeforeAll
    static void setUpOnce() {
        ws = new DeployFixture("dbad").setup().pushed("monolith", "latest").pushed("like", "latest");
    }

    private static void assertNothingCreated(String service) {
        assertEquals(0, ws.taskDefinitions(service).size(), "no task definition");
        assertNull(ws.service(service), "no service");
        ws.targetGroups().forEach(g -> assertTrue(!g.path("TargetGroupName").asText().startsWith(ws.name + "-" + service + "-"), "no target group " + g));
    }

    private static void assertError(CommandHarness.Result result, int exitCode, String... fragments) {
        assertEquals(exitCode, result.exitCode(), result.err());
        String error = result.err().lines().filter(l -> l.startsWith("Error:")).findFirst().orElse("");
        for (String fragment : fragments) {
            assertTrue(error.contains(fragment), "'" + fragment + "' in: " + result.err());
        }
        assertTrue(!result.err().contains("\tat "), "no stack trace");
        assertEquals("", result.out());
    }

    @Test
    void deploy_unknownPlaceholder_isUsageErrorNamingIt() {
        DeployFixture bad = new DeployFixture("dbad");
        bad.template("monolith", "fargate", DeployFixture.repoTemplate("monolith-fargate.json").replace("${IMAGE}", "${IMAGE_URI}"));
        assertError(bad.run("deploy", "monolith", "--fargate"), 2, "IMAGE_URI");
        assertNothingCreated("monolith");
    }

    @Test
    void deploy_invalidJson_namesFileAndLine() {
        DeployFixture bad = new DeployFixture("dbad");
        bad.template("monolith", "fargate", DeployFixture.repoTemplate("monolith-fargate.json").replace("\"cpu\": \"256\",", "\"cpu\": \"256\""));
        assertError(bad.run("deploy", "monolith", "--fargate"), 2, "monolith-fargate-custom.json", ":6");
        assertNothingCreated("monolith");
    }

    @Test
    void deploy_fargateWithBridgeTemplate_isRefused() {
        DeployFixture bad = new DeployFixture("dbad");
        bad.template("monolith", "fargate", DeployFixture.repoTemplate("monolith-ec2.json"));
        assertError(bad.run("deploy", "monolith", "--fargate"), 2, "awsvpc");
        assertNothingCreated("monolith");
    }

    @Test
    void deploy_cpuMemoryPairFargateRejects_isRefusedBeforeAnyCall() {
        DeployFixture bad = new DeployFixture("dbad");
        bad.template("monolith", "fargate", DeployFixture.repoTemplate("monolith-fargate.json").replace("\"memory\": \"512\"", "\"memory\": \"4096\""));
        assertError(bad.run("deploy", "monolith", "--fargate"), 2, "4096");
        assertNothingCreated("monolith");
    }

    @Test
    void deploy_pathOwnedByAnotherService_namesTheOwner() {
        DeployFixture split = new DeployFixture("dbadpath").setup().pushed("monolith", "latest").pushed("like", "latest");
        assertEquals(0, split.run("deploy", "like", "--fargate", "--path", "/mysfits/*/like", "--no-wait").exitCode());
        int rulesBefore = split.rules().size();

        CommandHarness.Result result = split.run("deploy", "monolith", "--fargate", "--path", "/mysfits/*/like");

        assertError(result, 2, "/mysfits/*/like", "service 'like'");
        assertEquals(0, split.taskDefinitions("monolith").size());
        assertNull(split.service("monolith"));
        assertEquals(rulesBefore, split.rules().size());
    }

    @Test
    void deploy_beforeSetup_saysRunSetup() {
        DeployFixture fresh = new DeployFixture("dbadnosetup").pushed("monolith", "latest");
        CommandHarness.Result result = fresh.run("deploy", "monolith", "--fargate");
        assertError(result, 3, "not set up");
        assertTrue(result.err().contains("mysfits setup"), result.err());
        assertEquals(0, fresh.taskDefinitions("monolith").size());
    }

    @Test
    void deploy_imageNotPushed_saysPush() {
        DeployFixture notPushed = new DeployFixture("dbad");
        notPushed.editConfig(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("services").get("monolith")).put("repository", "dbad/never-pushed"));
        CommandHarness.Result result = notPushed.run("deploy", "monolith", "--fargate");
        assertError(result, 3, "not pushed");
        assertTrue(result.err().contains("mysfits push monolith"), result.err());
        CommandHarness.Result tag = ws.run("deploy", "monolith", "--fargate", "--tag", "v9");
        assertError(tag, 3, "no image tagged 'v9'");
        assertNothingCreated("monolith");
    }

    @Test
    void deploy_regionWithoutCluster_namesTheRegion() {
        CommandHarness.Result result = ws.run("deploy", "monolith", "--fargate", "--region", "us-west-2");
        assertError(result, 3, "us-west-2");
        assertNothingCreated("monolith");
    }

    @Test
    void deploy_launchTypeMissingOrBoth_isUsageError() {
        assertEquals(2, ws.run("deploy", "monolith").exitCode());
        assertEquals(2, ws.run("deploy", "monolith", "--fargate", "--ec2").exitCode());
        assertEquals(2, ws.run("deploy", "nosuch", "--fargate").exitCode());
        assertNothingCreated("monolith");
    }

    @Test
    void statusAndScale_beforeSetup_arePreconditionErrors() {
        DeployFixture fresh = new DeployFixture("dbadnosetup2");
        assertError(fresh.run("status"), 3, "not set up");
        assertError(fresh.run("scale", "monolith", "--count", "2"), 3, "not set up");
        assertError(fresh.run("task", "run", "monolith"), 3, "not set up");
    }
}
