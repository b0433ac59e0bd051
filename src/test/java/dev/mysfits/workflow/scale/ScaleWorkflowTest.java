package dev.mysfits.workflow.scale;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.fakes.FakeCluster;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleWorkflowTest {
    @TempDir
    Path dir;

    private FakeCluster deployedMonolith() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(new DeployRequest(cluster.workshop, "monolith", "fargate", null, null, null, true,
                        Duration.ofSeconds(10), Duration.ofMillis(1), false));
        cluster.containers.mutations.clear();
        return cluster;
    }

    private ScaleResult scale(FakeCluster cluster, String service, int count, boolean dryRun) {
        var adapters = cluster.adapters();
        return new ScaleWorkflow(adapters.containers(), adapters.infrastructure(), new ConsoleEvents(cluster.console),
                cluster.rollout())
                .execute(new ScaleRequest(cluster.workshop, service, count, true, Duration.ofSeconds(10), Duration.ofMillis(1), dryRun));
    }

    @Test
    void scale_setsTheDesiredCount_andWaitsUntilThatManyRunBehindHealthyTargets() {
        FakeCluster cluster = deployedMonolith();

        ScaleResult result = scale(cluster, "monolith", 3, false);

        assertEquals(List.of("update service monolith count 3"), cluster.containers.mutations);
        assertEquals(1, result.previousCount());
        assertEquals(3, result.desired());
        assertEquals(3, result.running());
        assertTrue(result.changed());
        assertTrue(cluster.err.toString().contains("stable: 3/3 running, 3 healthy target(s)"), cluster.err.toString());
    }

    @Test
    void scaleToTheSameCount_andADryRun_changeNothing() {
        FakeCluster cluster = deployedMonolith();

        assertFalse(scale(cluster, "monolith", 1, false).changed());
        ScaleResult dry = scale(cluster, "monolith", 5, true);

        assertEquals(List.of(), cluster.containers.mutations);
        assertEquals(1, dry.desired());
    }

    @Test
    void aServiceNotDeployed_isAPreconditionError() {
        FakeCluster cluster = deployedMonolith();

        MysfitsException refused = assertThrows(MysfitsException.class, () -> scale(cluster, "like", 2, false));

        assertEquals(ExitCode.PRECONDITION, refused.exitCode());
        assertTrue(refused.getMessage().contains("service like is not deployed"), refused.getMessage());
    }
}
