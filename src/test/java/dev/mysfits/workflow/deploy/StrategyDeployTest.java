package dev.mysfits.workflow.deploy;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploy with a strategy other than rolling, on fakes: the role, the second group, the weighted rule, the service. */
class StrategyDeployTest {
    @TempDir
    Path dir;

    private DeployResult deploy(FakeCluster cluster, String service, String path, DeploymentStrategy.Kind strategy) {
        DeployRequest request = new DeployRequest(cluster.workshop, service, "fargate", null, null, path, true,
                Duration.ofSeconds(10), Duration.ofMillis(1), false, null, strategy);
        return new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(request);
    }

    @Test
    void aCanaryOnTheDefaultRoute_makesTheRole_bothGroups_aCatchAllRuleAtTheLowestPrecedence_andACanaryService() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");

        DeployResult result = deploy(cluster, "monolith", null, DeploymentStrategy.Kind.CANARY);

        String alternate = cluster.router.findTargetGroup("mysfits-monolith-fg-b").orElseThrow().arn();
        assertEquals(List.of("create target group mysfits-monolith-fg", "create target group mysfits-monolith-fg-b",
                "create weighted rule /* priority 50000 {" + result.targetGroupArn() + "=100, " + alternate + "=0}"),
                cluster.router.mutations);
        assertEquals(List.of("register mysfits-monolith:1", "create service monolith canary"), cluster.containers.mutations);
        assertTrue(cluster.aws.roles.containsKey("mysfits-ecs-infrastructure"), cluster.aws.roles.keySet().toString());
        var service = cluster.containers.describeService("c", "monolith").orElseThrow();
        assertEquals(new DeploymentStrategy(DeploymentStrategy.Kind.CANARY, 0, 10.0, 1, null, null, List.of()), service.strategy());
        assertEquals(alternate, service.trafficShift().alternateTargetGroupArn());
        assertEquals("arn:rule/50000", service.trafficShift().productionListenerRuleArn());
        assertTrue(service.trafficShift().roleArn().contains("mysfits-ecs-infrastructure"), service.trafficShift().roleArn());
        assertTrue(cluster.ledger.entries().stream().anyMatch(e -> e.type() == ResourceType.LISTENER_RULE));
    }

    @Test
    void theSameDeployAgain_changesNothing() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, DeploymentStrategy.Kind.BLUE_GREEN);
        int routerCalls = cluster.router.mutations.size();
        int containerCalls = cluster.containers.mutations.size();

        DeployResult again = deploy(cluster, "monolith", null, DeploymentStrategy.Kind.BLUE_GREEN);

        assertEquals(List.of(), again.changed());
        assertEquals(routerCalls, cluster.router.mutations.size());
        assertEquals(containerCalls, cluster.containers.mutations.size());
    }

    @Test
    void aRollingPathService_movesToBlueGreen_itsRuleGainsTheSecondGroupAtWeightZero_inOneServiceUpdate() {
        FakeCluster cluster = new FakeCluster(dir).pushed("like", "sha256:aaa");
        DeployResult first = deploy(cluster, "like", "/mysfits/*/like", null);
        cluster.router.mutations.clear();
        cluster.containers.mutations.clear();

        deploy(cluster, "like", "/mysfits/*/like", DeploymentStrategy.Kind.BLUE_GREEN);

        String alternate = cluster.router.findTargetGroup("mysfits-like-fg-b").orElseThrow().arn();
        assertEquals(List.of("create target group mysfits-like-fg-b",
                "forward arn:rule/1 by weight {" + first.targetGroupArn() + "=1, " + alternate + "=0}"), cluster.router.mutations);
        assertEquals(List.of("update service like strategy blue-green"), cluster.containers.mutations);
    }

    @Test
    void aServiceThatShiftsTraffic_isNotSwitchedBackToRolling_beforeAnythingChanges() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa");
        deploy(cluster, "monolith", null, DeploymentStrategy.Kind.LINEAR);
        cluster.router.mutations.clear();
        cluster.containers.mutations.clear();

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> deploy(cluster, "monolith", null, DeploymentStrategy.Kind.ROLLING));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("deploys linear behind two target groups"), e.getMessage());
        assertTrue(e.hint().contains("--strategy linear"), e.hint());
        assertEquals(List.of(), cluster.router.mutations);
        assertEquals(List.of(), cluster.containers.mutations);
    }

    /** The workshop with this service's "deployment" replaced. */
    private static dev.mysfits.config.WorkshopConfig withDeployment(dev.mysfits.config.WorkshopConfig workshop, String service,
                                                                   dev.mysfits.config.DeploymentConfig deployment) {
        var s = workshop.service(service);
        var replaced = new dev.mysfits.config.ServiceConfig(s.name(), s.context(), s.dockerfile(), s.image(), s.repository(),
                s.containerPort(), s.localPort(), s.healthPath(), s.path(), s.environment(), s.buildArgs(),
                s.taskDefinitions(), s.healthCheck(), s.local(), s.taskRole(), s.privateTasks(), deployment);
        var services = new java.util.LinkedHashMap<>(workshop.services());
        services.put(service, replaced);
        return new dev.mysfits.config.WorkshopConfig(workshop.name(), workshop.file(), workshop.directory(), services,
                workshop.tables());
    }

    private DeployResult deploy(dev.mysfits.config.WorkshopConfig workshop, FakeCluster cluster, String service, String path) {
        DeployRequest request = new DeployRequest(workshop, service, "fargate", null, null, path, true,
                Duration.ofSeconds(10), Duration.ofMillis(1), false, null, null);
        return new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                .execute(request);
    }

    @Test
    void aTestHeader_getsATestRuleJustBeforeTheProductionRule_andTheServiceNamesIt() {
        FakeCluster cluster = new FakeCluster(dir).pushed("monolith", "sha256:aaa").pushed("like", "sha256:bbb");
        var blueGreen = new dev.mysfits.config.DeploymentConfig(DeploymentStrategy.Kind.BLUE_GREEN, null, null, null, null,
                null, List.of(), "X-Test");
        var workshop = withDeployment(withDeployment(cluster.workshop, "like", blueGreen), "monolith", blueGreen);

        deploy(workshop, cluster, "monolith", null);
        DeployResult like = deploy(workshop, cluster, "like", "/mysfits/*/like");

        List<String> created = cluster.router.mutations.stream().filter(m -> m.startsWith("create weighted") || m.startsWith("create header")).toList();
        assertEquals(4, created.size(), created.toString());
        assertTrue(created.get(0).startsWith("create header rule /* + X-Test priority 49999"), created.toString());
        assertTrue(created.get(1).startsWith("create weighted rule /* priority 50000"), created.toString());
        assertTrue(created.get(2).startsWith("create header rule /mysfits/*/like + X-Test priority 1"), created.toString());
        assertTrue(created.get(3).startsWith("create weighted rule /mysfits/*/like priority 2"), created.toString());
        var service = cluster.containers.describeService("c", "like").orElseThrow();
        assertEquals("arn:rule/1", service.trafficShift().testListenerRuleArn());
        assertEquals("arn:rule/2", service.trafficShift().productionListenerRuleArn());
        assertTrue(like.changed().size() > 0);

        int before = cluster.router.mutations.size();
        deploy(workshop, cluster, "like", "/mysfits/*/like");
        assertEquals(before, cluster.router.mutations.size(), "a second deploy finds both rules");
    }
}
