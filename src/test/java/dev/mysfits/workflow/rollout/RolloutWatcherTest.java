package dev.mysfits.workflow.rollout;

import dev.mysfits.workflow.infrastructure.RoutePlan;
import dev.mysfits.workflow.rollout.RolloutWatcher;

import dev.mysfits.aws.ecs.ContainerService;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolloutWatcherTest {
    private static ContainerService.Service service(int desired, int running, int pending, String... deploymentStatuses) {
        return service("COMPLETED", desired, running, pending, deploymentStatuses);
    }

    private static ContainerService.Service service(String rolloutState, int desired, int running, int pending,
                                                    String... deploymentStatuses) {
        List<ContainerService.Deployment> deployments = java.util.Arrays.stream(deploymentStatuses)
                .map(s -> new ContainerService.Deployment("d-" + s, s, "arn:td/f:1", 0, 0, 0, rolloutState, null)).toList();
        return new ContainerService.Service("arn", "web", "ACTIVE", "arn:td/f:1", "FARGATE", desired, running, pending,
                deployments, List.of(), List.of());
    }

    @Test
    void stable_onlyWithOnePrimaryDeploymentAndAllRunning() {
        // Service-level counts decide, and a deployment with a rollout state must have COMPLETED it.
        assertTrue(RolloutWatcher.isStable(service(2, 2, 0, "PRIMARY")));
        assertFalse(RolloutWatcher.isStable(service("IN_PROGRESS", 2, 2, 0, "PRIMARY")));
        assertTrue(RolloutWatcher.isStable(service(null, 2, 2, 0, "PRIMARY")));
        assertFalse(RolloutWatcher.isStable(service(2, 1, 1, "PRIMARY")));
        assertFalse(RolloutWatcher.isStable(service(2, 2, 0, "PRIMARY", "ACTIVE")));
        assertFalse(RolloutWatcher.isStable(service(1, 1, 0)));
    }

    @Test
    void routeUrlPath_dropsTrailingWildcardOnly() {
        assertEquals("/", new RoutePlan(true, null).urlPath());
        assertEquals("/api/", new RoutePlan(false, "/api/*").urlPath());
        assertEquals("/mysfits/example/like", new RoutePlan(false, "/mysfits/*/like").urlPath());
    }
}
