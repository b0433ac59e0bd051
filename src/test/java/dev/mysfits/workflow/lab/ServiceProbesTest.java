package dev.mysfits.workflow.lab;

import dev.mysfits.aws.ecs.ContainerService.Deployment;
import dev.mysfits.aws.ecs.ContainerService.Service;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.fakes.FakeContainerService;
import dev.mysfits.fakes.FakeLoadBalancerRouter;
import dev.mysfits.lab.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceProbesTest {
    @TempDir
    Path dir;
    private final FakeContainerService ecs = new FakeContainerService(new FakeLoadBalancerRouter());
    private final ServiceProbes probes = new ServiceProbes(() -> ecs);

    private WorkshopConfig workshop() {
        return LabWorkshops.trashCan(dir, 8080);
    }

    private void service(int desired, int running, String rollout, int deployments) {
        List<Deployment> list = new java.util.ArrayList<>();
        list.add(new Deployment("d1", "PRIMARY", "arn:td:2", desired, running, 0, rollout, null));
        for (int i = 1; i < deployments; i++) {
            list.add(new Deployment("d" + (i + 1), "ACTIVE", "arn:td:1", 0, 0, 0, "COMPLETED", null));
        }
        ecs.services.put("inv", new Service("arn:service/inv", "inv", "ACTIVE", "arn:td:2", "FARGATE", desired, running, 0,
                list, List.of(), List.of()));
    }

    @Test
    void theRunningCountAndRolloutAsAskedPass() {
        service(2, 2, "COMPLETED", 1);
        assertEquals(Optional.empty(), probes.problem(new Probe.Service("inv", 2, "COMPLETED", "deploy it"), workshop()));
        assertEquals(Optional.empty(), probes.problem(new Probe.Service("inv", 2, null, "deploy it"), workshop()));
        assertEquals("ECS service inv runs 2 tasks, its rollout COMPLETED",
                probes.describe(new Probe.Service("inv", 2, "COMPLETED", "deploy it"), workshop()));
    }

    @Test
    void anotherCountOrARolloutInProgressFails() {
        assertEquals(Optional.of("no service inv in cluster trash-can"),
                probes.problem(new Probe.Service("inv", 1, null, "deploy it"), workshop()));
        service(2, 1, "IN_PROGRESS", 2);
        assertEquals(Optional.of("it runs 1 (desired 2, pending 0)"), probes.problem(new Probe.Service("inv", 2, null, "deploy it"), workshop()));
        assertEquals(Optional.of("its primary deployment's rollout is IN_PROGRESS (2 deployments)"),
                probes.problem(new Probe.Service("inv", 1, "COMPLETED", "deploy it"), workshop()));
    }

    @Test
    void anUnknownServiceFailsWithTheWorkshopsServices() {
        dev.mysfits.core.MysfitsException e = org.junit.jupiter.api.Assertions.assertThrows(dev.mysfits.core.MysfitsException.class,
                () -> probes.problem(new Probe.Service("like", 1, null, "deploy it"), workshop()));
        assertTrue(e.getMessage().contains("unknown service 'like'"), e.getMessage());
    }
}
