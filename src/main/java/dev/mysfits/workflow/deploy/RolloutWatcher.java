package dev.mysfits.workflow.deploy;

import dev.mysfits.workflow.Sleeper;
import dev.mysfits.aws.ContainerService;
import dev.mysfits.aws.LoadBalancerRouter;
import dev.mysfits.console.Console;
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
 * Polls a service until its rollout is done: one PRIMARY deployment with running == desired. Shows progress and
 * each new service event on stderr. A failed rollout or a circuit-breaker rollback is a failure; running out of
 * time is a timeout, and both say why (service events, stopped tasks, unhealthy targets).
 */
public final class RolloutWatcher {
    private static final int REASONS = 5;

    private final ContainerService containers;
    private final LoadBalancerRouter router;
    private final Console console;
    private final Clock clock;
    private final Sleeper sleeper;

    public RolloutWatcher(ContainerService containers, LoadBalancerRouter router, Console console, Clock clock,
                          Sleeper sleeper) {
        this.containers = containers;
        this.router = router;
        this.console = console;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @param expectedTaskDefinitionArn the revision the service must end on, or null for any (scale)
     * @param targetGroupArn            for the unhealthy-targets reason, or null
     */
    public ContainerService.Service awaitStable(String cluster, String service, String expectedTaskDefinitionArn,
                                                String targetGroupArn, Duration timeout, Duration poll) {
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
            console.progress("rollout " + service, progressLine(state));
            checkFailure(state, cluster, service, expectedTaskDefinitionArn);
            if (isStable(state)) {
                console.progressDone("rollout " + service, "stable: " + state.running() + "/" + state.desired() + " running");
                return state;
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
        List<String> reasons = reasons(state, cluster, service, targetGroupArn);
        reasons.forEach(r -> console.info("reason: " + r));
        throw MysfitsException.timeout("service " + service + " did not become stable within " + human(timeout) + ": "
                        + state.running() + " of " + state.desired() + " task(s) running, " + state.pending() + " pending, "
                        + state.deployments().size() + " deployment(s)" + (reasons.isEmpty() ? "" : "; " + reasons.get(0)),
                "see the reasons above and 'mysfits status " + service + "'; wait longer with --timeout, or deploy with --no-wait");
    }

    static boolean isStable(ContainerService.Service s) {
        // moto leaves deployments[0]'s counts alone on UpdateService: trust the service-level counts.
        return s.deployments().size() == 1 && "PRIMARY".equals(s.deployments().get(0).status())
                && s.running() == s.desired() && s.pending() == 0;
    }

    private void checkFailure(ContainerService.Service s, String cluster, String service, String expected) {
        ContainerService.Deployment failed = s.deployments().stream()
                .filter(d -> "FAILED".equals(d.rolloutState())).findFirst().orElse(null);
        boolean rolledBack = expected != null && s.taskDefinitionArn() != null && !expected.equals(s.taskDefinitionArn());
        if (failed == null && !rolledBack) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        if (failed != null && failed.rolloutStateReason() != null) {
            reasons.add(failed.rolloutStateReason());
        }
        reasons.addAll(containers.stoppedTaskReasons(cluster, service, REASONS));
        reasons.forEach(r -> console.info("reason: " + r));
        String what = rolledBack ? "was rolled back to " + EnsureServiceStep.shortRevision(s.taskDefinitionArn())
                + " by the deployment circuit breaker" : "failed";
        throw MysfitsException.failed("rollout of service " + service + " " + what
                        + (reasons.isEmpty() ? "" : ": " + reasons.get(0)),
                "fix the cause above (image, port, health check path), push, and deploy again", null);
    }

    private List<String> reasons(ContainerService.Service s, String cluster, String service, String targetGroupArn) {
        List<String> reasons = new ArrayList<>();
        reasons.addAll(containers.stoppedTaskReasons(cluster, service, REASONS));
        if (targetGroupArn != null && !targetGroupArn.equals(DeployContext.NOT_YET_CREATED)) {
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
                .forEach(e -> console.progressDone("event " + e.id(), "event: " + e.message()));
    }

    private static String progressLine(ContainerService.Service s) {
        String deployments = s.deployments().stream()
                .map(d -> d.status() + " " + EnsureServiceStep.shortRevision(d.taskDefinitionArn())
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
}
