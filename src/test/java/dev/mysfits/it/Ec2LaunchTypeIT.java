package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Interstella lab on the EC2 launch type, as mysfits commands on the sandbox: setup makes the container
 * instances, tasks run on them with dynamic host ports behind the ALB, a new revision rolls out, the service scales
 * and autoscales, and cleanup leaves the AWS CLI's inventory and docker ps as they were.
 */
class Ec2LaunchTypeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAST = "--poll-interval=1s";

    @Test
    void interstella_setupTaskRunDeployNewRevisionScaleAutoscale_andCleanupLeavesNothing() throws Exception {
        SortedSet<String> baseline = AwsInventory.take();
        DeployFixture ws = new DeployFixture("interstella");

        // 1. setup with two container instances
        CommandHarness.Result setup = ws.run("setup", "--ec2", "--instances", "2").ok();
        assertTrue(setup.err().contains("2 container instance(s) registered"), setup.err());
        JsonNode group = TestSandbox.aws("autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names",
                "interstella-ecs-instances").path("AutoScalingGroups").get(0);
        assertEquals(2, group.path("DesiredCapacity").asInt());
        List<String> instances = group.path("Instances").findValuesAsText("InstanceId");
        String ami = TestSandbox.aws("ssm", "get-parameter", "--name",
                "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id").path("Parameter").path("Value").asText();
        JsonNode template = TestSandbox.aws("ec2", "describe-launch-template-versions", "--launch-template-name",
                "interstella-ecs-instances").path("LaunchTemplateVersions").get(0).path("LaunchTemplateData");
        assertEquals(ami, template.path("ImageId").asText());
        assertEquals("interstella-ecs-instance", template.path("IamInstanceProfile").path("Name").asText());
        assertEquals(2, TestSandbox.aws("ecs", "list-container-instances", "--cluster", "interstella")
                .path("containerInstanceArns").size());
        assertEquals(0, ws.run("setup", "--ec2", "--instances", "2", "--output", "json").exitCode());

        // 2. the monolith behind the ALB on dynamic host ports, one task on each instance
        ws.pushed("monolith", "latest");
        ws.template("monolith", "ec2", DeployFixture.repoTemplate("monolith-ec2.json")
                .replace("\"essential\": true,", "\"essential\": true,\n      \"environment\": [{\"name\": \"GREETING\", \"value\": \"v1\"}],"));
        String url = ws.run("deploy", "monolith", "--ec2", "--count", "2", FAST).ok().out().trim();
        JsonNode targets = TestSandbox.aws("elbv2", "describe-target-health", "--target-group-arn",
                ws.targetGroups().get(0).path("TargetGroupArn").asText()).path("TargetHealthDescriptions");
        Set<String> targetInstances = new HashSet<>();
        for (JsonNode target : targets) {
            targetInstances.add(target.path("Target").path("Id").asText());
            assertTrue(target.path("Target").path("Port").asInt() >= 32768, target.toString());
            assertEquals("healthy", target.path("TargetHealth").path("State").asText());
        }
        assertEquals(new HashSet<>(instances), targetInstances, "a task on each instance");
        for (int i = 0; i < 6; i++) {
            assertEquals(200, DataPlaneIT.get(url + "mysfits").status());
        }

        // 3. one-off tasks, as lab 2's RunTask: where it ran, and an exit code
        JsonNode task = JSON.readTree(ws.run("task", "run", "monolith", "--ec2", "--output", "json").ok().out());
        assertEquals("RUNNING", task.path("lastStatus").asText());
        assertTrue(instances.contains(task.path("ec2InstanceId").asText()), task.toString());
        CommandHarness.Result failing = ws.run("task", "run", "monolith", "--ec2", "--env", "PORT=not-a-port", "--until-stopped");
        assertEquals(1, failing.exitCode(), failing.err());
        assertTrue(failing.err().contains("exit codes {monolith=1}"), failing.err());
        assertTrue(failing.err().contains("ran on container instance i-"), failing.err());

        // 4. a new revision with a changed environment variable, rolled out
        ws.template("monolith", "ec2", DeployFixture.repoTemplate("monolith-ec2.json")
                .replace("\"essential\": true,", "\"essential\": true,\n      \"environment\": [{\"name\": \"GREETING\", \"value\": \"v2\"}],"));
        JsonNode redeploy = JSON.readTree(ws.run("deploy", "monolith", "--ec2", FAST, "--output", "json").ok().out());
        assertEquals(2, redeploy.path("revision").asInt());
        List<String> running = DataPlaneIT.sandboxContainers(ws);
        int v2 = 0;
        for (String container : running) {
            String env = LocalImages.docker("inspect", "--format", "{{json .Config.Env}}", container);
            v2 += env.contains("GREETING=v2") ? 1 : 0;
        }
        assertEquals(2, v2, "both service tasks run revision 2 (the one-off task runs revision 1): " + running);

        // 5. scale to 4, then auto scaling on
        ws.run("scale", "monolith", "--count", "4", FAST).ok();
        assertEquals(4, ws.service("monolith").path("runningCount").asInt());
        CommandHarness.Result status = ws.run("status").ok();
        assertTrue(status.out().contains("MEMORY FREE/TOTAL"), status.out());
        for (String instance : instances) {
            assertTrue(status.out().contains(instance), status.out());
        }
        ws.run("autoscale", "monolith", "--min", "2", "--max", "6", "--cpu-target", "50").ok();

        // 6. cleanup: back to the baseline, no task container, no instance left running
        ws.run("cleanup", "--yes").ok();
        assertEquals(baseline, AwsInventory.take());
        assertTrue(TestSandbox.aws("autoscaling", "describe-auto-scaling-groups").path("AutoScalingGroups").isEmpty());
        for (JsonNode reservation : TestSandbox.aws("ec2", "describe-instances", "--instance-ids", instances.get(0), instances.get(1))
                .path("Reservations")) {
            reservation.path("Instances").forEach(i -> assertEquals("terminated", i.path("State").path("Name").asText()));
        }
        assertTrue(DataPlaneIT.waitFor(() -> DataPlaneIT.sandboxContainers(ws).isEmpty(), Duration.ofSeconds(60)));
    }

    @Test
    void badInput_unknownInstanceType_zeroInstances_noAmi_tooMuchMemory_eachOneLineAndNothingMade() {
        SortedSet<String> baseline = AwsInventory.take();
        DeployFixture ws = new DeployFixture("ec2bad");

        CommandHarness.Result type = ws.run("setup", "--ec2", "--instance-type", "t3.nope");
        assertError(type, 2, "Error: instance type t3.nope does not exist in us-east-1");
        assertEquals(baseline, AwsInventory.take());

        CommandHarness.Result noAmi = ws.run("setup", "--ec2", "--region", "mx-central-1");
        assertError(noAmi, 3, "has no ECS-optimized AMI");

        ws.run("setup", "--ec2", "--instances", "0").ok();
        ws.pushed("monolith", "latest");
        int revisionsBefore = ws.taskDefinitions("monolith").size();
        CommandHarness.Result none = ws.run("deploy", "monolith", "--ec2");
        assertError(none, 3, "has no container instances");
        assertTrue(none.err().contains("mysfits setup --ec2 --instances"), none.err());

        ws.run("setup", "--ec2", "--instances", "1").ok();
        ws.template("monolith", "ec2", DeployFixture.repoTemplate("monolith-ec2.json")
                .replace("\"memoryReservation\": 128", "\"memoryReservation\": 100000"));
        CommandHarness.Result big = ws.run("deploy", "monolith", "--ec2");
        assertError(big, 3, "the task needs 100000 MiB, more than any container instance has");
        assertEquals(revisionsBefore, ws.taskDefinitions("monolith").size(), "nothing registered");
        ws.run("cleanup", "--yes").ok();
        assertEquals(baseline, AwsInventory.take());
    }

    private static void assertError(CommandHarness.Result result, int exit, String text) {
        assertEquals(exit, result.exitCode(), result.err());
        assertTrue(result.err().contains(text), result.err());
        assertTrue(result.err().contains("Hint: "), result.err());
        assertTrue(!result.err().contains("\tat "), "no stack trace: " + result.err());
    }


}
