package dev.mysfits.workflow.rollback;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.fakes.FakeCluster;
import dev.mysfits.fakes.ScriptedServiceHistory;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import dev.mysfits.workflow.rollout.RolloutWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollbackWorkflowTest {
    private static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/mysfits-monolith:";

    @TempDir
    Path dir;

    private FakeCluster cluster;
    private ScriptedServiceHistory ecs;

    /** monolith deployed once per digest given, each a new revision; the fake's mutations cleared. */
    private void deployed(String... digests) {
        cluster = new FakeCluster(dir);
        for (String digest : digests) {
            cluster.pushed("monolith", digest);
            new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                    .execute(new DeployRequest(cluster.workshop, "monolith", "fargate", null, null, null, true,
                            Duration.ofSeconds(10), Duration.ofMillis(1), false));
        }
        cluster.containers.mutations.clear();
        ecs = new ScriptedServiceHistory(cluster.containers);
    }

    private RollbackResult rollback(String to, boolean stop, boolean dryRun) {
        return rollback(to, stop, dryRun, true);
    }

    private RollbackResult rollback(String to, boolean stop, boolean dryRun, boolean wait) {
        ConsoleEvents events = new ConsoleEvents(cluster.console);
        return new RollbackWorkflow(ecs, cluster.router, cluster.adapters().infrastructure(), events,
                new RolloutWatcher(ecs, cluster.router, events, Clock.systemUTC(), d -> { }), Clock.systemUTC(), d -> { })
                .execute(new RollbackRequest(cluster.workshop, "monolith", to, stop, wait, Duration.ofSeconds(10),
                        Duration.ofMillis(1), dryRun));
    }

    @Test
    void rollback_goesBackToTheLastRevisionThatServed_keepsTheCount_andWaitsForHealthyTargets() {
        deployed("sha256:aaa", "sha256:bbb");

        RollbackResult result = rollback(null, false, false);

        assertEquals(List.of("update service monolith to " + TD + "1"), cluster.containers.mutations);
        assertEquals("mysfits-monolith:2", result.from());
        assertEquals("mysfits-monolith:1", result.to());
        assertEquals(TD + "1", result.toTaskDefinitionArn());
        assertTrue(result.waited());
        assertNull(result.stoppedDeployment());
        assertTrue(result.url().startsWith("http://") && result.url().endsWith("/"), result.url());
        assertEquals(List.of("update service monolith (task definition mysfits-monolith:2 -> mysfits-monolith:1, 1 task(s))"),
                result.changed());
        assertTrue(cluster.err.toString().contains("stable: 1/1 running, 1 healthy target(s)"), cluster.err.toString());
        assertEquals(TD + "1", cluster.containers.services.get("monolith").taskDefinitionArn());
    }

    @Test
    void aBlueGreenService_isWatchedWhereItsProductionRuleSendsTraffic_asDeployWatchesIt() {
        cluster = new FakeCluster(dir);
        for (String digest : new String[]{"sha256:aaa", "sha256:bbb"}) {
            cluster.pushed("monolith", digest);
            new DeployWorkflow(cluster.adapters(), cluster.ledger, new ConsoleEvents(cluster.console), cluster.rollout())
                    .execute(new DeployRequest(cluster.workshop, "monolith", "fargate", null, null, null, true,
                            Duration.ofSeconds(10), Duration.ofMillis(1), false, null,
                            dev.mysfits.core.DeploymentStrategy.Kind.BLUE_GREEN));
        }
        cluster.containers.mutations.clear();
        ecs = new ScriptedServiceHistory(cluster.containers);
        ContainerService.Service before = cluster.containers.services.get("monolith");
        String blue = before.targetGroupArns().get(0);
        String green = before.trafficShift().alternateTargetGroupArn();
        // The rollback's green serves from the second group: the production rule sends all traffic there, and the
        // first group has no target left.
        ecs.afterUpdate = started -> {
            cluster.router.forwardWeighted(before.trafficShift().productionListenerRuleArn(), java.util.Map.of(blue, 0, green, 100));
            cluster.router.healthyTargets.put(blue, 0);
            cluster.router.healthyTargets.put(green, 1);
            return started;
        };

        RollbackResult result = rollback(null, false, false);

        assertEquals("mysfits-monolith:1", result.to());
        assertEquals(List.of("update service monolith to " + TD + "1"), cluster.containers.mutations);
        assertTrue(cluster.err.toString().contains("stable: 1/1 running, 1 healthy target(s)"), cluster.err.toString());
    }

    @Test
    void rollbackTwice_goesBackAndForth_becauseTheRollbackItselfServedSuccessfully() {
        deployed("sha256:aaa", "sha256:bbb");

        rollback(null, false, false);
        RollbackResult again = rollback(null, false, false);

        assertEquals("mysfits-monolith:1", again.from());
        assertEquals("mysfits-monolith:2", again.to());
    }

    @Test
    void rollbackTo_aNamedRevision_byNumberFamilyOrArn() {
        deployed("sha256:aaa", "sha256:bbb", "sha256:ccc");

        assertEquals("mysfits-monolith:1", rollback("1", false, false).to());
        assertEquals("mysfits-monolith:2", rollback("mysfits-monolith:2", false, false).to());
        assertEquals("mysfits-monolith:3", rollback(TD + "3", false, false).to());
        assertEquals(3, cluster.containers.mutations.size(), cluster.containers.mutations.toString());
    }

    @Test
    void dryRun_showsTheChange_andChangesNothing() {
        deployed("sha256:aaa", "sha256:bbb");

        RollbackResult result = rollback(null, false, true);

        assertEquals(List.of(), cluster.containers.mutations);
        assertEquals("mysfits-monolith:1", result.to());
        assertTrue(result.dryRun());
        assertTrue(cluster.err.toString().contains("mysfits-monolith:2 -> mysfits-monolith:1"), cluster.err.toString());
    }

    @Test
    void oneRevisionOnly_isNothingToRollBackTo_exit3() {
        deployed("sha256:aaa");

        MysfitsException e = assertThrows(MysfitsException.class, () -> rollback(null, false, false));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("service monolith has nothing to roll back to"), e.getMessage());
        assertTrue(e.hint().contains("--to"), e.hint());
        assertEquals(List.of(), cluster.containers.mutations);
    }

    @Test
    void toTheRevisionThatServes_isRefused_exit3_andAnUnknownOrForeignOne_exit2() {
        deployed("sha256:aaa", "sha256:bbb");

        MysfitsException serving = assertThrows(MysfitsException.class, () -> rollback("2", false, false));
        MysfitsException unknown = assertThrows(MysfitsException.class, () -> rollback("7", false, false));
        MysfitsException foreign = assertThrows(MysfitsException.class, () -> rollback("mysfits-like:1", false, false));
        MysfitsException malformed = assertThrows(MysfitsException.class, () -> rollback("latest", false, false));

        assertEquals(ExitCode.PRECONDITION, serving.exitCode());
        assertTrue(serving.getMessage().contains("already runs mysfits-monolith:2"), serving.getMessage());
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.getMessage().contains("--to mysfits-monolith:7: no such revision"), unknown.getMessage());
        assertEquals(ExitCode.USAGE, foreign.exitCode());
        assertTrue(foreign.getMessage().contains("is not a revision of service monolith"), foreign.getMessage());
        assertEquals(ExitCode.USAGE, malformed.exitCode());
        assertTrue(malformed.getMessage().contains("got 'latest'"), malformed.getMessage());
        assertEquals(List.of(), cluster.containers.mutations);
    }

    @Test
    void aServiceNotDeployed_isAPreconditionError() {
        deployed();

        MysfitsException e = assertThrows(MysfitsException.class, () -> rollback(null, false, false));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("service monolith is not deployed"), e.getMessage());
    }

    @Test
    void aRevisionThatCrashes_isRolledBackByTheCircuitBreaker_andTheRollbackFailsWithExit1() {
        deployed("sha256:aaa", "sha256:bbb");
        ecs.stoppedReasons = List.of("task 1a2b: Essential container in task exited; monolith: exit code 3");
        ecs.afterUpdate = started -> ScriptedServiceHistory.withDeployments(started, TD + "2",
                new ContainerService.Deployment("ecs-svc/breaker", "PRIMARY", TD + "2", 1, 1, 0, "COMPLETED", null),
                new ContainerService.Deployment(started.deployments().get(0).id(), "ACTIVE", TD + "1", 1, 0, 0, "FAILED",
                        "ECS deployment circuit breaker: tasks failed to start."));

        MysfitsException e = assertThrows(MysfitsException.class, () -> rollback("1", false, false));

        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("was rolled back to mysfits-monolith:2 by the deployment circuit breaker"), e.getMessage());
        assertTrue(e.getMessage().contains("tasks failed to start"), e.getMessage());
        assertTrue(cluster.err.toString().contains("exit code 3"), cluster.err.toString());
    }

    @Test
    void aDeploymentInProgress_isRefusedWithoutStop_exit3_andNothingChanges() {
        deployed("sha256:aaa", "sha256:bbb");
        inProgress();

        MysfitsException e = assertThrows(MysfitsException.class, () -> rollback(null, false, false));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("has a deployment in progress: s"), e.getMessage());
        assertTrue(e.getMessage().contains("IN_PROGRESS of mysfits-monolith:3"), e.getMessage());
        assertTrue(e.hint().contains("mysfits rollback monolith --stop"), e.hint());
        assertEquals(List.of(), cluster.containers.mutations);
    }

    @Test
    void stop_stopsTheDeploymentWithARollback_waitsForRollbackSuccessful_thenHealthyTargets() {
        deployed("sha256:aaa", "sha256:bbb");
        ContainerService.ServiceDeployment running = inProgress();
        ecs.onStop = () -> {
            // ECS is done rolling it back: DescribeServices is back on :2.
            ecs.deployments = List.of(ScriptedServiceHistory.withStatus(running, "ROLLBACK_SUCCESSFUL", null));
            ecs.service = null;
        };

        RollbackResult result = rollback(null, true, false);

        assertEquals(List.of("stop service deployment " + running.arn() + " with rollback"), cluster.containers.mutations);
        assertEquals(running.arn(), result.stoppedDeployment());
        assertEquals("mysfits-monolith:3", result.from());
        assertEquals("mysfits-monolith:2", result.to());
        assertTrue(cluster.err.toString().contains(": ROLLBACK_SUCCESSFUL"), cluster.err.toString());
        assertTrue(cluster.err.toString().contains("stable: 1/1 running"), cluster.err.toString());
    }

    @Test
    void stopWithTo_stopsFirst_thenPointsTheServiceAtTheRevisionNamed() {
        deployed("sha256:aaa", "sha256:bbb");
        ContainerService.ServiceDeployment running = inProgress();
        ecs.onStop = () -> {
            ecs.deployments = List.of(ScriptedServiceHistory.withStatus(running, "ROLLBACK_SUCCESSFUL", null));
            ecs.service = null;
        };

        RollbackResult result = rollback("1", true, false);

        assertEquals(List.of("stop service deployment " + running.arn() + " with rollback",
                "update service monolith to " + TD + "1"), cluster.containers.mutations);
        assertEquals("mysfits-monolith:1", result.to());
    }

    @Test
    void stop_whoseRollbackFails_isExit1WithItsReason() {
        deployed("sha256:aaa", "sha256:bbb");
        ContainerService.ServiceDeployment running = inProgress();
        ecs.onStop = () -> ecs.deployments = List.of(ScriptedServiceHistory.withStatus(running, "ROLLBACK_FAILED",
                "the rollback's tasks failed to start"));

        MysfitsException e = assertThrows(MysfitsException.class, () -> rollback(null, true, false));

        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("ended ROLLBACK_FAILED, not rolled back: the rollback's tasks failed to start"),
                e.getMessage());
    }

    @Test
    void stop_thatNeverEnds_isATimeout_exit4() {
        deployed("sha256:aaa", "sha256:bbb");
        inProgress();
        ConsoleEvents events = new ConsoleEvents(cluster.console);
        MutableClock clock = new MutableClock();

        MysfitsException e = assertThrows(MysfitsException.class, () -> new RollbackWorkflow(ecs, cluster.router,
                cluster.adapters().infrastructure(), events, new RolloutWatcher(ecs, cluster.router, events, clock, clock::advance),
                clock, clock::advance).execute(new RollbackRequest(cluster.workshop, "monolith", null, true, true,
                Duration.ofSeconds(30), Duration.ofSeconds(2), false)));

        assertEquals(ExitCode.TIMEOUT, e.exitCode());
        assertTrue(e.getMessage().contains("did not finish rolling back within 30s: IN_PROGRESS"), e.getMessage());
    }

    @Test
    void stopDryRun_plansTheStop_andStopsNothing() {
        deployed("sha256:aaa", "sha256:bbb");
        inProgress();

        RollbackResult result = rollback(null, true, true);

        assertEquals(List.of(), cluster.containers.mutations);
        assertEquals("mysfits-monolith:2", result.to());
        assertTrue(cluster.err.toString().contains("stop it and roll back to mysfits-monolith:2"), cluster.err.toString());
    }

    /** A third revision registered and being deployed: ECS's deployment of it IN_PROGRESS, from :2. */
    private ContainerService.ServiceDeployment inProgress() {
        cluster.pushed("monolith", "sha256:ccc");
        new dev.mysfits.workflow.deploy.TaskDefinitionRegistration(cluster.adapters(), cluster.ledger,
                new ConsoleEvents(cluster.console)).register(DeployRequest.taskDefinitionOnly(cluster.workshop, "monolith", "fargate"));
        cluster.containers.mutations.clear();
        String from = ecs.revision(TD + "2");
        String to = ecs.revision(TD + "3");
        ContainerService.ServiceDeployment running = ecs.deployment("IN_PROGRESS", to, from, null);
        List<ContainerService.ServiceDeployment> history = new ArrayList<>();
        history.add(running);
        history.addAll(cluster.containers.serviceDeployments("cluster", "monolith"));
        ecs.deployments = history;
        ContainerService.Service now = cluster.containers.services.get("monolith");
        ecs.service = ScriptedServiceHistory.withDeployments(now, TD + "3",
                new ContainerService.Deployment("ecs-svc/new", "PRIMARY", TD + "3", 1, 0, 1, "IN_PROGRESS", null),
                new ContainerService.Deployment("ecs-svc/old", "ACTIVE", TD + "2", 1, 1, 0, "COMPLETED", null));
        return running;
    }

    /** A clock the sleeper moves forward, so a timeout takes no real time. */
    private static final class MutableClock extends Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
