package dev.mysfits.workflow.task;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeCluster;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import dev.mysfits.workflow.deploy.TaskDefinitionRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** task run on fakes: before any deploy it registers the template's revision through deploy's own steps, then runs it. */
class RunTaskWorkflowTest {
    @TempDir
    Path dir;

    private RunTaskResult run(FakeCluster cluster, String service, String launchType) throws InterruptedException {
        return run(cluster, service, launchType, null);
    }

    private RunTaskResult run(FakeCluster cluster, String service, String launchType, String tag) throws InterruptedException {
        TaskDefinitionRegistration deploy = new TaskDefinitionRegistration(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console));
        return new RunTaskWorkflow(cluster.containers, cluster.adapters().infrastructure(), cluster.adapters().network(),
                (workshop, name, type, pinned) -> deploy.register(DeployRequest.taskDefinitionOnly(workshop, name, type, pinned)),
                new ConsoleEvents(cluster.console), Clock.systemUTC(), d -> { })
                .execute(new RunTaskRequest(cluster.workshop, service, launchType, Duration.ofSeconds(10), Duration.ofMillis(1),
                        Map.of(), false, tag));
    }

    @Test
    void runWithATag_registersARevisionPinnedToThatTag_asDeployTagDoes() throws InterruptedException {
        FakeCluster cluster = new FakeCluster(dir).pushed("like", "sha256:bbb");
        run(cluster, "like", null);

        RunTaskResult tagged = run(cluster, "like", null, "v2");

        assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/mysfits-like:2", tagged.taskDefinitionArn());
        String image = cluster.containers.families.get("mysfits-like").get(1).images().get(0);
        assertTrue(image.endsWith("/mysfits/like-service:v2"), image);
    }

    @Test
    void runBeforeAnyDeploy_registersTheTemplatesRevision_tagsAndRecordsIt_thenRunsIt() throws InterruptedException {
        FakeCluster cluster = new FakeCluster(dir).pushed("like", "sha256:bbb");

        RunTaskResult result = run(cluster, "like", null);

        String revision = "arn:aws:ecs:us-east-1:123456789012:task-definition/mysfits-like:1";
        assertEquals(List.of("register mysfits-like:1", "run task " + revision), cluster.containers.mutations);
        assertEquals(revision, result.taskDefinitionArn());
        assertEquals("FARGATE", result.launchType(), "like has only a Fargate template");
        assertEquals("RUNNING", result.lastStatus());
        assertEquals(Map.of("mysfits:workshop", "mysfits", "mysfits:service", "like"), cluster.containers.tags.get(revision));
        assertTrue(cluster.ledger.contains(ResourceType.TASK_DEFINITION, revision), cluster.ledger.entries().toString());
        String image = cluster.containers.families.get("mysfits-like").get(0).images().get(0);
        assertTrue(image.endsWith("/mysfits/like-service@sha256:bbb"), image);
    }

    @Test
    void runAgain_withTheSameTemplateAndImage_registersNothing_andANewPushRegistersRevisionTwo() throws InterruptedException {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        run(cluster, "monolith", "fargate");

        RunTaskResult again = run(cluster, "monolith", "fargate");
        cluster.pushed("monolith", "sha256:ccc");
        RunTaskResult afterPush = run(cluster, "monolith", "fargate");

        assertTrue(again.taskDefinitionArn().endsWith("/mysfits-monolith:1"), again.taskDefinitionArn());
        assertTrue(afterPush.taskDefinitionArn().endsWith("/mysfits-monolith:2"), afterPush.taskDefinitionArn());
        assertEquals(List.of("register mysfits-monolith:1", "run task " + again.taskDefinitionArn(),
                "run task " + again.taskDefinitionArn(), "register mysfits-monolith:2", "run task " + afterPush.taskDefinitionArn()),
                cluster.containers.mutations);
    }

    @Test
    void afterADeploy_runsTheDeployedRevision_withoutRegisteringAnother() throws InterruptedException {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(new DeployRequest(cluster.workshop, "monolith", "fargate", null, null, null, true,
                        Duration.ofSeconds(10), Duration.ofMillis(1), false));
        cluster.containers.mutations.clear();

        RunTaskResult result = run(cluster, "monolith", null);

        assertEquals("FARGATE", result.launchType(), "the deployed service's launch type");
        assertEquals(List.of("run task " + result.taskDefinitionArn()), cluster.containers.mutations);
        assertTrue(result.taskDefinitionArn().endsWith("/mysfits-monolith:1"), result.taskDefinitionArn());
    }

    @Test
    void notPushed_isDeploysPreconditionError_andNothingIsRegisteredOrRun() {
        FakeCluster cluster = new FakeCluster(dir);

        MysfitsException error = assertThrows(MysfitsException.class, () -> run(cluster, "like", null));

        assertEquals(ExitCode.PRECONDITION, error.exitCode());
        assertTrue(error.getMessage().contains("service like is not pushed"), error.getMessage());
        assertEquals("push it first: mysfits push like", error.hint());
        assertEquals(List.of(), cluster.containers.mutations);
    }

    @Test
    void unknownService_isAUsageError_andNothingIsRegisteredOrRun() {
        FakeCluster cluster = new FakeCluster(dir).pushed("like", "sha256:bbb");

        MysfitsException error = assertThrows(MysfitsException.class, () -> run(cluster, "nope", null));

        assertEquals(ExitCode.USAGE, error.exitCode());
        assertTrue(error.getMessage().contains("unknown service 'nope'"), error.getMessage());
        assertEquals(List.of(), cluster.containers.mutations);
    }
}
