package dev.mysfits.workflow.status;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.fakes.FakeCluster;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployResult;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusWorkflowTest {
    @TempDir
    Path dir;

    @Test
    void status_showsTheDeployedServiceWithItsRevisionTasksAndHealthyTargets_andTheOtherAsNotDeployed() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        DeployResult deployed = new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(new DeployRequest(cluster.workshop, "monolith", "fargate", null, 2, null, true,
                        Duration.ofSeconds(10), Duration.ofMillis(1), false));
        var adapters = cluster.adapters();

        List<ServiceStatus> statuses = new StatusWorkflow(adapters.containers(), adapters.router(), adapters.infrastructure())
                .execute(new StatusRequest(cluster.workshop, null)).services();

        assertEquals(List.of("monolith", "like"), statuses.stream().map(ServiceStatus::service).toList());
        ServiceStatus monolith = statuses.get(0);
        assertTrue(monolith.deployed());
        assertEquals(1, monolith.revision());
        assertEquals(2, monolith.desired());
        assertEquals(2, monolith.running());
        assertEquals(deployed.url(), monolith.url());
        assertEquals(2, monolith.tasks().size());
        assertTrue(monolith.tasks().stream().allMatch(t -> "healthy".equals(t.health())), monolith.tasks().toString());
        assertFalse(statuses.get(1).deployed());
        assertEquals(List.of(), cluster.containers.mutations.stream().filter(m -> !m.startsWith("register") && !m.startsWith("create")).toList(),
                "status changes nothing");
    }
}
