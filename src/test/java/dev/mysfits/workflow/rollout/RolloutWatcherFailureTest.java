package dev.mysfits.workflow.rollout;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.workflow.rollout.RolloutWatcher;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.console.Console;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rollout outcomes moto cannot produce: a failed rollout, a circuit-breaker rollback, unhealthy targets. */
class RolloutWatcherFailureTest {
    private static final String NEW = "arn:aws:ecs:us-east-1:1:task-definition/ws-web:2";
    private static final String OLD = "arn:aws:ecs:us-east-1:1:task-definition/ws-web:1";

    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err), false, false,
            OutputFormat.TEXT, System::currentTimeMillis);
    private final MutableClock clock = new MutableClock();

    @Test
    void failedRollout_isFailureWithTheRolloutReasonAndStoppedTasks() {
        ScriptedServices services = new ScriptedServices(List.of("task 1a2b: Essential container in task exited"),
                state(NEW, 1, 0, 1, deployment("PRIMARY", NEW, "IN_PROGRESS", null)),
                state(NEW, 1, 0, 0, deployment("PRIMARY", NEW, "FAILED", "tasks failed to start")));
        MysfitsException e = assertThrows(MysfitsException.class, () -> watcher(services, List.of())
                .awaitStable("ws", "web", NEW, null, Duration.ofMinutes(5), Duration.ofSeconds(5)));
        assertEquals(ExitCode.FAILED, e.exitCode());
        assertEquals("rollout of service web failed: tasks failed to start; task 1a2b: Essential container in task exited",
                e.getMessage());
        assertTrue(err.toString().contains("reason: task 1a2b: Essential container in task exited"), err.toString());
    }

    @Test
    void circuitBreakerRollback_isFailureNeverSuccess() {
        // Stable again, but on the old revision: the breaker rolled the deployment back.
        ScriptedServices services = new ScriptedServices(List.of(),
                state(NEW, 1, 0, 1, deployment("PRIMARY", NEW, "IN_PROGRESS", null), deployment("ACTIVE", OLD, "COMPLETED", null)),
                state(OLD, 1, 1, 0, deployment("PRIMARY", OLD, "COMPLETED", null)));
        MysfitsException e = assertThrows(MysfitsException.class, () -> watcher(services, List.of())
                .awaitStable("ws", "web", NEW, null, Duration.ofMinutes(5), Duration.ofSeconds(5)));
        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("rolled back to ws-web:1 by the deployment circuit breaker"), e.getMessage());
    }

    @Test
    void neverStable_withUnhealthyTargets_failsAtTheDeadline() {
        ScriptedServices services = new ScriptedServices(List.of(),
                state(NEW, 2, 1, 0, deployment("PRIMARY", NEW, "IN_PROGRESS", null)));
        List<LoadBalancerRouter.TargetHealth> health = List.of(
                new LoadBalancerRouter.TargetHealth("10.0.0.7", "80", "unhealthy", "Target.ResponseCodeMismatch",
                        "Health checks failed with these codes: [404]"));
        MysfitsException e = assertThrows(MysfitsException.class, () -> watcher(services, health)
                .awaitStable("ws", "web", NEW, "arn:tg/ws-web-fg/1", Duration.ofSeconds(20), Duration.ofSeconds(5)));
        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().startsWith("service web did not become stable within 20s: 1 of 2 task(s) running"), e.getMessage());
        assertTrue(e.getMessage().contains("target 10.0.0.7:80 is unhealthy: Health checks failed with these codes: [404]"),
                e.getMessage());
        assertTrue(services.polls >= 4, "polled until the deadline, not once: " + services.polls);
    }

    @Test
    void stableAfterAFewPolls_returnsTheFinalState() {
        ScriptedServices services = new ScriptedServices(List.of(),
                state(NEW, 2, 0, 2, deployment("PRIMARY", NEW, "IN_PROGRESS", null), deployment("ACTIVE", OLD, "COMPLETED", null)),
                state(NEW, 2, 1, 1, deployment("PRIMARY", NEW, "IN_PROGRESS", null)),
                state(NEW, 2, 2, 0, deployment("PRIMARY", NEW, "COMPLETED", null)));
        ContainerService.Service done = watcher(services, List.of())
                .awaitStable("ws", "web", NEW, null, Duration.ofMinutes(5), Duration.ofSeconds(5));
        assertEquals(2, done.running());
        assertEquals(3, services.polls);
        assertTrue(err.toString().contains("stable: 2/2 running"), err.toString());
    }

    @Test
    void stableService_isNotDoneUntilItsTargetsAreHealthy() {
        ScriptedServices services = new ScriptedServices(List.of(),
                state(NEW, 1, 1, 0, deployment("PRIMARY", NEW, "COMPLETED", null)));
        Deque<List<LoadBalancerRouter.TargetHealth>> health = new ArrayDeque<>(List.of(
                List.of(new LoadBalancerRouter.TargetHealth("10.0.0.7", "80", "initial", "Elb.InitialHealthChecking", null)),
                List.of(new LoadBalancerRouter.TargetHealth("10.0.0.7", "80", "initial", "Elb.InitialHealthChecking", null)),
                List.of(new LoadBalancerRouter.TargetHealth("10.0.0.7", "80", "healthy", null, null))));
        RolloutWatcher watcher = new RolloutWatcher(services, new HealthOnlyRouter(List.of()).scripted(health), new ConsoleEvents(console),
                clock, clock::advance);

        watcher.awaitStable("ws", "web", "ecs-svc/PRIMARY", NEW, "arn:tg/ws-web-fg/1", Duration.ofMinutes(5), Duration.ofSeconds(1));

        assertEquals(3, services.polls, "polled until the target passed its checks");
        assertTrue(err.toString().contains("stable: 1/1 running, 1 healthy target(s)"), err.toString());
    }

    @Test
    void anotherPrimaryDeployment_meansOursWasRolledBack_evenBeforeTheRevisionChanges() {
        // Followed by id: the breaker made a new PRIMARY deployment; ours is ACTIVE and FAILED.
        ScriptedServices services = new ScriptedServices(List.of("task 9f: CannotPullContainerError: not found"),
                state(NEW, 1, 0, 0, new ContainerService.Deployment("ecs-svc/rollback", "PRIMARY", OLD, 1, 0, 0, "IN_PROGRESS", null),
                        new ContainerService.Deployment("ecs-svc/ours", "ACTIVE", NEW, 1, 0, 0, "FAILED",
                                "ECS deployment circuit breaker: tasks failed to start.")));
        MysfitsException e = assertThrows(MysfitsException.class, () -> watcher(services, List.of())
                .awaitStable("ws", "web", "ecs-svc/ours", NEW, null, Duration.ofMinutes(5), Duration.ofSeconds(5)));
        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("was rolled back to ws-web:1"), e.getMessage());
        assertTrue(e.getMessage().contains("CannotPullContainerError"), e.getMessage());
        assertTrue(e.hint().startsWith("ws-web:1 serves now"), e.hint());
    }

    @Test
    void notStableWithNothingWrong_isATimeoutNotAFailure() {
        ScriptedServices services = new ScriptedServices(List.of("task 1: Scaling activity initiated by (deployment ecs-svc/1)"),
                state(NEW, 2, 1, 1, deployment("PRIMARY", NEW, "IN_PROGRESS", null)));
        MysfitsException e = assertThrows(MysfitsException.class, () -> watcher(services, List.of())
                .awaitStable("ws", "web", NEW, null, Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertEquals(ExitCode.TIMEOUT, e.exitCode());
    }

    private static final String BLUE = "arn:tg/ws-web-fg/1";
    private static final String GREEN = "arn:tg/ws-web-fg-b/2";
    private static final DeploymentStrategy CANARY = new DeploymentStrategy(DeploymentStrategy.Kind.CANARY, 0, 20.0, 1,
            null, null, List.of());

    private static ContainerService.ServiceDeployment serviceDeployment(String status, String stage, Double weight,
                                                                        String rollbackReason) {
        return new ContainerService.ServiceDeployment("arn:sd/1", status, null, stage, null, null, null, null,
                new ContainerService.RevisionShare("arn:rev/2", 1, 1, 0, weight, null), List.of(), CANARY, rollbackReason,
                rollbackReason == null ? null : "arn:rev/1");
    }

    private static ContainerService.Service current(ContainerService.Service s) {
        return new ContainerService.Service(s.arn(), s.name(), s.status(), s.taskDefinitionArn(), s.launchType(), s.desired(),
                s.running(), s.pending(), s.deployments(), s.events(), List.of(BLUE), null, CANARY,
                new ContainerService.TrafficShift(GREEN, "arn:rule/50000", null, "arn:role"), "arn:sd/1");
    }

    private static LoadBalancerRouter.TargetHealth healthy(String id) {
        return new LoadBalancerRouter.TargetHealth(id, "80", "healthy", null, null);
    }

    @Test
    void aCanary_showsEachStageOnceWithItsShareAndBake_andIsStableWhereTheRuleSendsTraffic() {
        ScriptedServices services = new ScriptedServices(List.of(),
                current(state(NEW, 1, 2, 0, deployment("PRIMARY", NEW, "IN_PROGRESS", null), deployment("ACTIVE", OLD, "COMPLETED", null))),
                current(state(NEW, 1, 2, 0, deployment("PRIMARY", NEW, "IN_PROGRESS", null), deployment("ACTIVE", OLD, "COMPLETED", null))),
                current(state(NEW, 1, 2, 0, deployment("PRIMARY", NEW, "IN_PROGRESS", null), deployment("ACTIVE", OLD, "COMPLETED", null))),
                current(state(NEW, 1, 1, 0, deployment("PRIMARY", NEW, "COMPLETED", null))));
        services.serviceDeployments.addAll(List.of(serviceDeployment("IN_PROGRESS", "SCALE_UP", 0.0, null),
                serviceDeployment("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 20.0, null),
                serviceDeployment("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 20.0, null),
                serviceDeployment("SUCCESSFUL", "CLEAN_UP", 100.0, null)));
        HealthOnlyRouter router = new HealthOnlyRouter(List.of());
        router.production = new LoadBalancerRouter.Rule("arn:rule/50000", false, 50000, List.of("/*"), List.of(BLUE, GREEN),
                "forward", new java.util.LinkedHashMap<>(Map.of(BLUE, 0, GREEN, 100)));
        // The old group still drains a target; only the group the rule sends traffic to counts.
        router.byGroup.put(BLUE, List.of(new LoadBalancerRouter.TargetHealth("10.0.0.1", "80", "draining", null, null)));
        router.byGroup.put(GREEN, List.of(healthy("10.0.0.2")));
        RolloutWatcher watcher = new RolloutWatcher(services, router, new ConsoleEvents(console), clock, clock::advance);

        watcher.awaitStable("ws", "web", "ecs-svc/PRIMARY", NEW, BLUE,
                new RolloutWatcher.Traffic("arn:rule/50000", List.of(BLUE, GREEN), CANARY), Duration.ofMinutes(5),
                Duration.ofSeconds(10));

        String shown = err.toString();
        assertTrue(shown.contains("stage scale up: new revision 0% of production traffic (IN_PROGRESS)"), shown);
        assertEquals(1, shown.split("stage production traffic shift: new revision 20%", -1).length - 1, shown);
        assertTrue(shown.contains("stable: 1/1 running, 1 healthy target(s)"), shown);
    }

    @Test
    void aRollbackByEcs_isFailureWithItsReason() {
        ScriptedServices services = new ScriptedServices(List.of(),
                current(state(NEW, 1, 1, 0, deployment("PRIMARY", NEW, "IN_PROGRESS", null), deployment("ACTIVE", OLD, "COMPLETED", null))),
                current(state(OLD, 1, 1, 0, new ContainerService.Deployment("ecs-svc/old", "PRIMARY", OLD, 1, 1, 0, "COMPLETED", null),
                        new ContainerService.Deployment("ecs-svc/PRIMARY", "ACTIVE", NEW, 1, 0, 0, "FAILED", "rolled back"))));
        services.serviceDeployments.addAll(List.of(serviceDeployment("IN_PROGRESS", "BAKE_TIME", 100.0, null),
                serviceDeployment("ROLLBACK_SUCCESSFUL", "CLEAN_UP", 0.0, "Alarm web-5xx is in ALARM")));
        MysfitsException e = assertThrows(MysfitsException.class, () -> watcher(services, List.of())
                .awaitStable("ws", "web", "ecs-svc/PRIMARY", NEW, BLUE,
                        new RolloutWatcher.Traffic("arn:rule/50000", List.of(BLUE, GREEN), CANARY), Duration.ofMinutes(5),
                        Duration.ofSeconds(5)));
        assertEquals(ExitCode.FAILED, e.exitCode());
        assertEquals("rollout of service web was rolled back to ws-web:1 by ECS: Alarm web-5xx is in ALARM", e.getMessage());
    }

    private RolloutWatcher watcher(ContainerService services, List<LoadBalancerRouter.TargetHealth> health) {
        return new RolloutWatcher(services, new HealthOnlyRouter(health), new ConsoleEvents(console), clock, clock::advance);
    }

    private static ContainerService.Deployment deployment(String status, String arn, String rolloutState, String reason) {
        return new ContainerService.Deployment("ecs-svc/" + status, status, arn, 0, 0, 0, rolloutState, reason);
    }

    private static ContainerService.Service state(String taskDefinition, int desired, int running, int pending,
                                                  ContainerService.Deployment... deployments) {
        return new ContainerService.Service("arn:service/ws/web", "web", "ACTIVE", taskDefinition, "FARGATE", desired,
                running, pending, List.of(deployments), List.of(), List.of());
    }

    /** A clock the watcher's sleeper moves forward, so timeouts take no real time. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Answers describeService with the scripted states in turn, then keeps the last. */
    private static final class ScriptedServices implements ContainerService {
        private final Deque<Service> states;
        final Deque<ServiceDeployment> serviceDeployments = new ArrayDeque<>();
        private final List<String> stoppedReasons;
        int polls;

        ScriptedServices(List<String> stoppedReasons, Service... states) {
            this.stoppedReasons = stoppedReasons;
            this.states = new ArrayDeque<>(List.of(states));
        }

        @Override
        public List<Task> serviceTasks(String cluster, String serviceName) {
            return List.of();
        }

        @Override
        public List<ServiceDeployment> serviceDeployments(String cluster, String serviceName) {
            return List.of();
        }

        @Override
        public List<ServiceRevision> serviceRevisions(List<String> serviceRevisionArns) {
            return List.of();
        }

        @Override
        public Optional<ServiceDeployment> serviceDeployment(String serviceDeploymentArn) {
            // One scripted service deployment a poll, in turn, then the last.
            if (serviceDeployments.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(serviceDeployments.size() > 1 ? serviceDeployments.removeFirst() : serviceDeployments.getFirst());
        }

        @Override
        public void stopServiceDeployment(String serviceDeploymentArn, boolean rollback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Service> describeService(String cluster, String name) {
            polls++;
            return Optional.of(states.size() > 1 ? states.removeFirst() : states.getFirst());
        }

        @Override
        public List<String> stoppedTaskReasons(String cluster, String serviceName, int max) {
            return stoppedReasons;
        }

        @Override
        public boolean clusterExists(String cluster) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int containerInstanceCount(String cluster) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskDefinition registerTaskDefinition(dev.mysfits.template.TaskDefinitionDocument definition, Map<String, String> tags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<TaskDefinition> latestActiveTaskDefinition(String family) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<TaskDefinition> describeTaskDefinition(String arnOrFamilyRevision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Service> describeServices(String cluster, List<String> names) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Service createService(ServiceSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Service updateService(String cluster, String name, String taskDefinitionArn, Integer desiredCount,
                                     TaskNetwork network, Rollout rollout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Task runTask(String cluster, String taskDefinitionArn, String launchType, List<String> subnets,
                            List<String> securityGroups, boolean publicIp, Map<String, String> tags, String containerName,
                            Map<String, String> environment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.mysfits.aws.ecs.ContainerInstances.ContainerInstance> containerInstances(String cluster) {
            return List.of();
        }

        @Override
        public Optional<Task> describeTask(String cluster, String taskArn) {
            throw new UnsupportedOperationException();
        }
    }

    private static class HealthOnlyRouter implements LoadBalancerRouter {
        private final List<TargetHealth> health;
        private Deque<List<TargetHealth>> script;

        HealthOnlyRouter(List<TargetHealth> health) {
            this.health = health;
        }

        /** Answers with each scripted list in turn, then keeps the last. */
        HealthOnlyRouter scripted(Deque<List<TargetHealth>> script) {
            this.script = script;
            return this;
        }

        @Override
        public List<TargetHealth> targetHealth(String targetGroupArn) {
            if (byGroup.containsKey(targetGroupArn)) {
                return byGroup.get(targetGroupArn);
            }
            if (script == null) {
                return health;
            }
            return script.size() > 1 ? script.poll() : script.peek();
        }

        @Override
        public Optional<TargetGroup> findTargetGroup(String name) {
            throw new UnsupportedOperationException();
        }

        Rule production;
        final Map<String, List<TargetHealth>> byGroup = new java.util.HashMap<>();

        @Override
        public Optional<Rule> rule(String ruleArn) {
            return Optional.ofNullable(production).filter(r -> r.arn().equals(ruleArn));
        }

        @Override
        public Rule createWeightedRule(String listenerArn, int priority, String pathPattern, Map<String, Integer> weights,
                                       Map<String, String> tags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Rule createHeaderRule(String listenerArn, int priority, String pathPattern, String headerName,
                                     Map<String, Integer> weights, Map<String, String> tags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forwardWeighted(String ruleArn, Map<String, Integer> weights) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TargetGroup createTargetGroup(TargetGroupSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void updateHealthCheck(String targetGroupArn, HealthCheck healthCheck) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Rule> rules(String listenerArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forwardByDefault(String listenerArn, String targetGroupArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Rule createPathRule(String listenerArn, int priority, String pathPattern, String targetGroupArn,
                                   Map<String, String> tags) {
            throw new UnsupportedOperationException();
        }
    }
}
