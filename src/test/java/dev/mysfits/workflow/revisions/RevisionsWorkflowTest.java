package dev.mysfits.workflow.revisions;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.fakes.FakeCluster;
import dev.mysfits.fakes.ScriptedServiceHistory;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import dev.mysfits.workflow.deploy.TaskDefinitionRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionsWorkflowTest {
    private static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/mysfits-monolith:";
    private static final String IMAGE = FakeCluster.ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/mysfits/monolith-service";

    @TempDir
    Path dir;

    private FakeCluster cluster;
    private ScriptedServiceHistory ecs;

    private void cluster() {
        cluster = new FakeCluster(dir);
        ecs = new ScriptedServiceHistory(cluster.containers);
    }

    private void deploy(String digest, String tag) {
        cluster.pushed("monolith", digest);
        new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(new DeployRequest(cluster.workshop, "monolith", "fargate", tag, null, null, true,
                        Duration.ofSeconds(10), Duration.ofMillis(1), false));
    }

    private void registerOnly(String digest) {
        cluster.pushed("monolith", digest);
        new TaskDefinitionRegistration(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console))
                .register(DeployRequest.taskDefinitionOnly(cluster.workshop, "monolith", "fargate"));
    }

    private RevisionsResult revisions(int limit) {
        return new RevisionsWorkflow(ecs, cluster.adapters().infrastructure(), new ConsoleEvents(cluster.console))
                .execute(new RevisionsRequest(cluster.workshop, "monolith", limit));
    }

    @Test
    void revisions_newestFirst_withDigest_servingOne_andTheDeploymentsThatUsedEach() {
        cluster();
        deploy("sha256:aaa", null);
        deploy("sha256:bbb", null);

        RevisionsResult result = revisions(10);

        assertTrue(result.deployed());
        assertEquals("mysfits-monolith", result.family());
        assertEquals(TD + "2", result.serving());
        assertFalse(result.more());
        assertEquals(List.of("mysfits-monolith:2", "mysfits-monolith:1"), result.revisions().stream().map(RevisionsResult.Revision::name).toList());
        RevisionsResult.Revision newest = result.revisions().get(0);
        assertEquals("serving", newest.state());
        assertEquals(List.of(new RevisionsResult.Image("monolith", IMAGE + "@sha256:bbb", "sha256:bbb")), newest.images());
        assertEquals(List.of("SUCCESSFUL"), newest.deployments().stream().map(RevisionsResult.DeploymentUse::status).toList());
        RevisionsResult.Revision older = result.revisions().get(1);
        assertNull(older.state());
        assertEquals("sha256:aaa", older.images().get(0).digest());
        assertEquals(1, older.deployments().size());
    }

    @Test
    void aRevisionNamedByTag_takesItsDigestFromTheServiceRevisionEcsResolved() {
        cluster();
        deploy("sha256:aaa", null);
        String revision = ecs.revision(TD + "1", new ContainerService.ContainerImage("monolith", IMAGE + ":v1", "sha256:resolved"));
        ecs.deployments = List.of(ecs.deployment("SUCCESSFUL", revision, null, null));
        // A task definition naming a tag, as deploy --tag makes it: the digest is only in the service revision.
        cluster.containers.families.get("mysfits-monolith").set(0, tagged(cluster.containers.families.get("mysfits-monolith").get(0)));

        RevisionsResult result = revisions(10);

        assertEquals(List.of(new RevisionsResult.Image("monolith", IMAGE + ":v1", "sha256:resolved")),
                result.revisions().get(0).images());
    }

    @Test
    void outcomes_ofRolledBackAndInProgressDeployments_areShownOnTheirRevisions() {
        cluster();
        deploy("sha256:aaa", null);
        deploy("sha256:bbb", null);
        registerOnly("sha256:ccc");
        String two = ecs.revision(TD + "2");
        String three = ecs.revision(TD + "3");
        ecs.deployments = List.of(ecs.deployment("ROLLBACK_SUCCESSFUL", three, two, "tasks failed to start"),
                ecs.deployment("SUCCESSFUL", two, null, null));

        RevisionsResult result = revisions(10);

        RevisionsResult.Revision bad = result.revisions().get(0);
        assertEquals("mysfits-monolith:3", bad.name());
        assertEquals("ROLLBACK_SUCCESSFUL", bad.deployments().get(0).status());
        assertEquals("tasks failed to start", bad.deployments().get(0).reason());
        assertEquals("serving", result.revisions().get(1).state());
        assertEquals(List.of(), result.revisions().get(2).deployments(), "no deployment on record: never served");
    }

    @Test
    void limit_keepsTheNewest_andSaysThereAreMore() {
        cluster();
        deploy("sha256:aaa", null);
        deploy("sha256:bbb", null);
        deploy("sha256:ccc", null);

        RevisionsResult result = revisions(2);

        assertEquals(List.of(3, 2), result.revisions().stream().map(RevisionsResult.Revision::revision).toList());
        assertTrue(result.more());
        assertTrue(cluster.err.toString().contains("the 2 newest revision(s) of mysfits-monolith; older ones with --limit 4"),
                cluster.err.toString());
    }

    @Test
    void notDeployed_listsTheFamilysRevisions_noneServing() {
        cluster();
        registerOnly("sha256:aaa");

        RevisionsResult result = revisions(10);

        assertFalse(result.deployed());
        assertNull(result.serving());
        assertEquals(1, result.revisions().size());
        assertEquals(List.of(), result.revisions().get(0).deployments());
        assertTrue(cluster.err.toString().contains("service monolith is not deployed"), cluster.err.toString());
    }

    @Test
    void notDeployed_andNoRevisions_isExit3_withAHintToDeploy() {
        cluster();

        MysfitsException e = assertThrows(MysfitsException.class, () -> revisions(10));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("service monolith has no task-definition revisions: family mysfits-monolith has none"),
                e.getMessage());
        assertEquals("deploy it first: mysfits deploy monolith --fargate", e.hint());
    }

    private static ContainerService.TaskDefinition tagged(ContainerService.TaskDefinition t) {
        com.fasterxml.jackson.databind.node.ObjectNode json = t.definition().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("containerDefinitions").get(0)).put("image", IMAGE + ":v1");
        return new ContainerService.TaskDefinition(t.arn(), t.family(), t.revision(), List.of(IMAGE + ":v1"), json);
    }
}
