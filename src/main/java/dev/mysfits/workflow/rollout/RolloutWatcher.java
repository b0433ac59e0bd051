package dev.mysfits.workflow.rollout;

import dev.mysfits.core.Change;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.Sleeper;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.elbv2.LoadBalancerRouter;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.MysfitsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Polls a service until its rollout is done: the deployment it started is the only one, PRIMARY and complete,
 * running == desired, and its targets healthy. Shows progress and each new service event on stderr. A failed
 * rollout, a circuit-breaker rollback, tasks that keep stopping and unhealthy targets are failures; running out of
 * time otherwise is a timeout, and each says why (service events, stopped tasks, unhealthy targets).
 */
public final class RolloutWatcher {
    private static final int REASONS = 5;

    private final ContainerService containers;
    private final LoadBalancerRouter router;
    private final Events events;
    private final Clock clock;
    private final Sleeper sleeper;

    public RolloutWatcher(ContainerService containers, LoadBalancerRouter router, Events events, Clock clock,
                          Sleeper sleeper) {
        this.containers = containers;
        this.router = router;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @param expectedTaskDefinitionArn the revision the service must end on, or null for any (scale)
     * @param targetGroupArn            for the unhealthy-targets reason, or null
     */
    public ContainerService.Service awaitStable(String cluster, String service, String expectedTaskDefinitionArn,
                                                String targetGroupArn, Duration timeout, Duration poll) {
        return awaitStable(cluster, service, null, expectedTaskDefinitionArn, targetGroupArn, timeout, poll);
    }

    /**
     * A service that ECS moves between two target groups by the weights of one listener rule (blue/green, canary,
     * linear): its targets are healthy where the rule sends traffic, and each stage of a deployment is shown.
     */
    public record Traffic(String productionRuleArn, List<String> targetGroupArns, DeploymentStrategy strategy) {
    }

    /**
     * Follows one deployment by id (null: whichever is PRIMARY) until it alone serves: PRIMARY, its tasks all
     * running, and, behind a load balancer, as many healthy targets as desired tasks. ECS's own services-stable
     * waiter does not wait for targets; a deploy is not done before it can serve.
     */
    public ContainerService.Service awaitStable(String cluster, String service, String deploymentId,
                                                String expectedTaskDefinitionArn, String targetGroupArn,
                                                Duration timeout, Duration poll) {
        return awaitStable(cluster, service, deploymentId, expectedTaskDefinitionArn, targetGroupArn, null, timeout, poll);
    }

    /** As above; with traffic, targets count where the production rule sends traffic, and stages are shown. */
    public ContainerService.Service awaitStable(String cluster, String service, String deploymentId,
                                                String expectedTaskDefinitionArn, String targetGroupArn, Traffic traffic,
                                                Duration timeout, Duration poll) {
        StageView stages = traffic == null ? null : new StageView(traffic);
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        Set<String> seenEvents = new HashSet<>();
        boolean first = true;
        ContainerService.Service state;
        while (true) {
            state = containers.describeService(cluster, service).orElseThrow(() -> MysfitsException.failed(
                    "service " + service + " disappeared from cluster " + cluster + " during the rollout",
                    "run the deploy again", null));
            showEvents(state, seenEvents, first ? start.minusSeconds(5) : Instant.MIN);
            first = false;
            ContainerService.ServiceDeployment current = stages == null ? null : stages.show(state);
            events.waiting("rollout " + service, progressLine(state) + (stages == null ? "" : stages.line()));
            checkFailure(state, cluster, service, deploymentId, expectedTaskDefinitionArn, current);
            if (isStable(state, deploymentId)) {
                int healthy = traffic == null ? healthyTargets(targetGroupArn, state.desired())
                        : healthyServingTargets(traffic, state.desired());
                if (healthy >= 0) {
                    events.ready("rollout " + service, "stable: " + state.running() + "/" + state.desired() + " running"
                            + (hasTargetGroup(targetGroupArn) ? ", " + healthy + " healthy target(s)" : ""));
                    return state;
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            try {
                sleeper.sleep(min(poll, Duration.between(clock.instant(), deadline)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MysfitsException(dev.mysfits.core.ExitCode.INTERRUPTED, "interrupted while waiting for service " + service,
                        "the rollout goes on in ECS; see it with: mysfits status " + service, e);
            }
        }
        List<String> failures = failureReasons(cluster, service, targetGroupArn);
        List<String> reasons = reasons(state, cluster, service, targetGroupArn);
        reasons.forEach(r -> events.note("reason: " + r));
        String summary = "service " + service + " did not become stable within " + human(timeout) + ": "
                + state.running() + " of " + state.desired() + " task(s) running, " + state.pending() + " pending, "
                + state.deployments().size() + " deployment(s)";
        if (!failures.isEmpty()) {
            // Tasks that keep stopping or targets that fail their checks will not heal by waiting longer.
            throw MysfitsException.failed(summary + "; " + failures.get(0),
                    "fix the cause above (image, port, health check path), push, and deploy again; 'mysfits logs "
                            + service + "' shows the app's own output", null);
        }
        throw MysfitsException.timeout(summary + (reasons.isEmpty() ? "" : "; " + reasons.get(0)),
                "see the reasons above and 'mysfits status " + service + "'; wait longer with --timeout, or deploy with --no-wait");
    }

    static boolean isStable(ContainerService.Service s) {
        return isStable(s, null);
    }

    private static boolean isStable(ContainerService.Service s, String deploymentId) {
        if (s.deployments().size() != 1) {
            return false;
        }
        ContainerService.Deployment only = s.deployments().get(0);
        boolean ours = deploymentId == null || deploymentId.equals(only.id());
        boolean complete = only.rolloutState() == null || "COMPLETED".equals(only.rolloutState());
        return ours && "PRIMARY".equals(only.status()) && complete && s.running() == s.desired() && s.pending() == 0;
    }

    private static boolean hasTargetGroup(String targetGroupArn) {
        return targetGroupArn != null && !targetGroupArn.equals(Change.NOT_YET_CREATED);
    }

    /** The number of healthy targets when every registered target is healthy and there are enough; else -1. */
    private int healthyTargets(String targetGroupArn, int desired) {
        if (!hasTargetGroup(targetGroupArn)) {
            return 0;
        }
        List<LoadBalancerRouter.TargetHealth> targets = router.targetHealth(targetGroupArn);
        long healthy = targets.stream().filter(t -> "healthy".equals(t.state())).count();
        boolean allHealthy = targets.stream().allMatch(t -> "healthy".equals(t.state()));
        return allHealthy && healthy >= desired ? (int) healthy : -1;
    }

    /** Healthy targets where the production rule sends traffic, when all there are healthy and enough; else -1. */
    private int healthyServingTargets(Traffic traffic, int desired) {
        List<String> serving = router.rule(traffic.productionRuleArn())
                .map(rule -> rule.forwardTargetGroupArns().stream().filter(g -> rule.percentOf(g) > 0).toList())
                .orElse(traffic.targetGroupArns());
        int healthy = 0;
        for (String group : serving) {
            List<LoadBalancerRouter.TargetHealth> targets = router.targetHealth(group);
            if (!targets.stream().allMatch(t -> "healthy".equals(t.state()))) {
                return -1;
            }
            healthy += targets.size();
        }
        return healthy >= desired ? healthy : -1;
    }

    /**
     * Shows a deployment's stages as ECS reports them (its current service deployment): each new stage once, with
     * the production traffic's split and the bake time left, which it counts from when it first saw the stage.
     */
    private final class StageView {
        private final Traffic traffic;
        private String shown;
        private String line = "";
        private Instant stageSince;

        StageView(Traffic traffic) {
            this.traffic = traffic;
        }

        ContainerService.ServiceDeployment show(ContainerService.Service state) {
            if (state.currentServiceDeployment() == null) {
                line = "";
                return null;
            }
            ContainerService.ServiceDeployment current = containers.serviceDeployment(state.currentServiceDeployment()).orElse(null);
            if (current == null || current.lifecycleStage() == null) {
                line = "";
                return current;
            }
            Double weight = current.target() == null ? null : current.target().productionWeight();
            String split = weight == null ? "" : ", new revision " + DeploymentStrategy.percent(weight) + " of production traffic";
            String stage = current.lifecycleStage() + split;
            if (!stage.equals(shown)) {
                shown = stage;
                stageSince = clock.instant();
                events.note("stage " + stage.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        .replace(", new revision", ": new revision") + " (" + current.status() + ")");
            }
            line = "; stage " + current.lifecycleStage() + split + bakeLeft(current, weight);
            return current;
        }

        /** ", 40s of 1m bake left" during the canary's, a linear step's or the final bake. */
        private String bakeLeft(ContainerService.ServiceDeployment current, Double weight) {
            DeploymentStrategy strategy = traffic.strategy();
            Integer minutes = null;
            if ("BAKE_TIME".equals(current.lifecycleStage())) {
                minutes = strategy.bakeMinutes();
            } else if ("PRODUCTION_TRAFFIC_SHIFT".equals(current.lifecycleStage()) && weight != null && weight < 100) {
                minutes = strategy.kind() == DeploymentStrategy.Kind.CANARY ? strategy.canaryBakeMinutes()
                        : strategy.kind() == DeploymentStrategy.Kind.LINEAR ? strategy.linearStepBakeMinutes() : null;
            }
            if (minutes == null || minutes == 0) {
                return "";
            }
            long left = Math.max(0, minutes * 60L - Duration.between(stageSince, clock.instant()).getSeconds());
            // In tens of seconds: off a terminal each change of the line is a line of its own.
            long shown = (left + 9) / 10 * 10;
            return ", about " + shown + "s of " + minutes + "m bake left";
        }

        String line() {
            return line;
        }
    }

    private void checkFailure(ContainerService.Service s, String cluster, String service, String deploymentId,
                              String expected, ContainerService.ServiceDeployment current) {
        ContainerService.Deployment failed = s.deployments().stream()
                .filter(d -> "FAILED".equals(d.rolloutState()) && (deploymentId == null || deploymentId.equals(d.id())))
                .findFirst().orElse(null);
        ContainerService.Deployment primary = s.deployments().stream().filter(d -> "PRIMARY".equals(d.status()))
                .findFirst().orElse(null);
        boolean replaced = deploymentId != null && primary != null && !deploymentId.equals(primary.id());
        boolean rolledBack = replaced || (expected != null && s.taskDefinitionArn() != null && !expected.equals(s.taskDefinitionArn()));
        if (failed == null && !rolledBack) {
            return;
        }
        if (current == null && s.currentServiceDeployment() != null) {
            // ECS keeps why it rolled back on the service deployment, also after the failed deployment's tasks are
            // gone from the service's own list.
            current = containers.serviceDeployment(s.currentServiceDeployment()).orElse(null);
        }
        List<String> reasons = new ArrayList<>();
        if (current != null && current.rollbackReason() != null) {
            reasons.add(current.rollbackReason());
        }
        if (failed != null && failed.rolloutStateReason() != null) {
            reasons.add(failed.rolloutStateReason());
        }
        reasons.addAll(containers.stoppedTaskReasons(cluster, service, REASONS));
        reasons.forEach(r -> events.note("reason: " + r));
        s.events().stream().sorted(Comparator.comparing(ContainerService.ServiceEvent::createdAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .limit(3).forEach(e -> events.note("event: " + e.message()));
        String serving = primary != null ? primary.taskDefinitionArn() : s.taskDefinitionArn();
        boolean known = current != null && current.rollbackReason() != null;
        boolean breaker = !known || current.rollbackReason().contains("circuit breaker");
        String what = rolledBack ? "was rolled back to " + shortRevision(serving)
                + (breaker ? " by the deployment circuit breaker" : " by ECS") : "failed";
        String stopped = reasons.stream().filter(r -> r.startsWith("task ")).findFirst().orElse(null);
        String why = known ? current.rollbackReason()
                : failed != null && failed.rolloutStateReason() != null ? failed.rolloutStateReason()
                : (reasons.isEmpty() ? null : reasons.get(0));
        throw MysfitsException.failed("rollout of service " + service + " " + what
                        + (why == null ? "" : ": " + why) + (stopped == null || stopped.equals(why) ? "" : "; " + stopped),
                rolledBack ? shortRevision(serving) + " serves now; fix the cause above (image, port, "
                        + "health check path), push, and deploy again"
                        : "fix the cause above (image, port, health check path), push, and deploy again", null);
    }

    /** What shows that waiting longer will not help: tasks that stopped on their own, targets failing checks. */
    private List<String> failureReasons(String cluster, String service, String targetGroupArn) {
        List<String> failures = new ArrayList<>();
        containers.stoppedTaskReasons(cluster, service, REASONS).stream()
                .filter(r -> !r.contains("Scaling activity") && !r.contains("stopped by user") && !r.contains("UserInitiated"))
                .forEach(failures::add);
        if (hasTargetGroup(targetGroupArn)) {
            router.targetHealth(targetGroupArn).stream().filter(t -> "unhealthy".equals(t.state()))
                    .map(t -> "target " + t.targetId() + ":" + t.port() + " is unhealthy"
                            + (t.description() == null ? "" : ": " + t.description()))
                    .forEach(failures::add);
        }
        return failures;
    }

    private List<String> reasons(ContainerService.Service s, String cluster, String service, String targetGroupArn) {
        List<String> reasons = new ArrayList<>();
        reasons.addAll(containers.stoppedTaskReasons(cluster, service, REASONS));
        if (targetGroupArn != null && !targetGroupArn.equals(Change.NOT_YET_CREATED)) {
            router.targetHealth(targetGroupArn).stream().filter(t -> !"healthy".equals(t.state()))
                    .map(t -> "target " + t.targetId() + ":" + t.port() + " is " + t.state()
                            + (t.description() == null ? "" : ": " + t.description()))
                    .forEach(reasons::add);
        }
        s.events().stream().sorted(Comparator.comparing(ContainerService.ServiceEvent::createdAt).reversed())
                .limit(REASONS).map(e -> "event: " + e.message()).forEach(reasons::add);
        if (reasons.isEmpty()) {
            reasons.add("no stopped tasks, unhealthy targets or service events explain it; tasks may still be starting");
        }
        return reasons;
    }

    private void showEvents(ContainerService.Service s, Set<String> seen, Instant notBefore) {
        s.events().stream()
                .filter(e -> e.createdAt() == null || !e.createdAt().isBefore(notBefore))
                .sorted(Comparator.comparing(ContainerService.ServiceEvent::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .filter(e -> seen.add(e.id()))
                .forEach(e -> events.ready("event " + e.id(), "event: " + e.message()));
    }

    private static String progressLine(ContainerService.Service s) {
        String deployments = s.deployments().stream()
                .map(d -> d.status() + " " + shortRevision(d.taskDefinitionArn())
                        + (d.rolloutState() == null ? "" : " " + d.rolloutState()))
                .collect(Collectors.joining(", "));
        return s.name() + ": " + s.running() + "/" + s.desired() + " running, " + s.pending() + " pending; deployments: "
                + (deployments.isEmpty() ? "none" : deployments);
    }

    private static Duration min(Duration a, Duration b) {
        Duration positive = b.isNegative() ? Duration.ZERO : b;
        return a.compareTo(positive) <= 0 ? a : positive;
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + "m" : s + "s";
    }

    /** "family:3" from a task-definition ARN: how revisions are named to people. */
    public static String shortRevision(String arn) {
        return arn == null ? "-" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
