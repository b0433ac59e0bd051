package dev.mysfits.workflow.codebuild;

import dev.mysfits.aws.codebuild.BuildProjects;
import dev.mysfits.aws.codebuild.BuildProjects.BuildState;
import dev.mysfits.aws.codebuild.BuildProjects.Phase;
import dev.mysfits.aws.logs.LogLine;
import dev.mysfits.aws.logs.LogReader;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a started build through its phases, as BatchGetBuilds reports them, until it completes: each phase is shown
 * once when it ends, with its status and duration, and the one running as progress. Polls with backoff, from the
 * first interval up to ten times it. Then reads the tail of the build's log from the group and stream it names.
 */
public final class BuildFollower {
    static final int LOG_TAIL = 20;
    private static final double BACKOFF = 1.5;

    private final BuildProjects projects;
    private final LogReader logs;
    private final Events events;
    private final Clock clock;
    private final Sleeper sleeper;

    public BuildFollower(BuildProjects projects, LogReader logs, Events events, Clock clock, Sleeper sleeper) {
        this.projects = projects;
        this.logs = logs;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A completed build and the last lines of its log. */
    public record Followed(BuildState build, List<String> logTail) {
        public Followed {
            logTail = List.copyOf(logTail);
        }
    }

    public Followed follow(String buildId, Duration timeout, Duration firstInterval) {
        Instant started = clock.instant();
        Instant deadline = started.plus(timeout);
        Duration interval = firstInterval;
        Duration longest = firstInterval.multipliedBy(10);
        Set<String> shown = new HashSet<>();
        BuildState last = null;
        while (true) {
            Optional<BuildState> found = projects.describe(buildId);
            if (found.isPresent()) {
                last = found.get();
                show(last, shown, started);
                if (last.complete()) {
                    return new Followed(last, tail(last));
                }
            }
            // A build just started may not be in BatchGetBuilds for a moment: "not found" is asked again until the deadline.
            if (!clock.instant().isBefore(deadline)) {
                throw MysfitsException.timeout("build " + buildId + " is still " + (last == null ? "not visible"
                                : last.status() + " in " + last.phase()) + " after " + timeout.getSeconds() + "s",
                        "it goes on in CodeBuild; see it with: aws codebuild batch-get-builds --ids " + buildId
                                + ", or wait longer with --wait-timeout");
            }
            try {
                Duration left = Duration.between(clock.instant(), deadline);
                sleeper.sleep(interval.compareTo(left) < 0 ? interval : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MysfitsException(ExitCode.INTERRUPTED, "interrupted while following build " + buildId,
                        "the build goes on in CodeBuild; see it with: aws codebuild batch-get-builds --ids " + buildId, e);
            }
            interval = Duration.ofMillis(Math.min(longest.toMillis(), (long) (interval.toMillis() * BACKOFF)));
        }
    }

    private void show(BuildState build, Set<String> shown, Instant started) {
        for (Phase phase : build.phases()) {
            if (phase.status() != null && shown.add(phase.type())) {
                String line = String.format("%-16s %-10s %s", phase.type(), phase.status(),
                        phase.durationSeconds() == null ? "" : phase.durationSeconds() + "s");
                events.ready("build", line.stripTrailing());
                if (phase.context() != null) {
                    events.note("  " + phase.context());
                }
            }
        }
        if (!build.complete() && build.phase() != null && !shown.contains(build.phase())) {
            long seconds = Duration.between(started, clock.instant()).getSeconds();
            events.waiting("build", build.phase() + " ... (" + seconds + "s since start)");
        }
    }

    private List<String> tail(BuildState build) {
        if (build.logGroup() == null || build.logStream() == null) {
            return List.of();
        }
        Instant since = build.startTime() == null ? Instant.EPOCH : build.startTime().minusSeconds(60);
        List<String> lines = logs.read(build.logGroup(), since).orElse(List.of()).stream()
                .filter(l -> build.logStream().equals(l.stream())).map(LogLine::message).toList();
        int end = failureEnd(build, lines);
        return lines.subList(Math.max(0, end - LOG_TAIL), end);
    }

    /**
     * Where the tail ends: after a failure, at the line where CodeBuild says why the first failed phase failed, so that
     * what POST_BUILD printed afterwards does not push the reason out of the tail; else at the log's end.
     */
    static int failureEnd(BuildState build, List<String> lines) {
        Optional<String> failed = build.phases().stream().filter(p -> p.status() != null && !"SUCCEEDED".equals(p.status()))
                .map(Phase::type).findFirst();
        if (failed.isEmpty()) {
            return lines.size();
        }
        String complete = "Phase complete: " + failed.get() + " State: ";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(complete)) {
                boolean withContext = i + 1 < lines.size() && lines.get(i + 1).contains("Phase context status code:");
                return withContext ? i + 2 : i + 1;
            }
        }
        return lines.size();
    }
}
