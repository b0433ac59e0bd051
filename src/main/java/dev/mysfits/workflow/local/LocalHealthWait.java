package dev.mysfits.workflow.local;

import dev.mysfits.workflow.Events;
import dev.mysfits.core.Durations;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.docker.LogQuery;
import dev.mysfits.net.HealthProbe;
import dev.mysfits.core.Sleeper;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Waits until a local container is ready: its health URL answers 2xx, or Docker reports its health command
 * healthy, or (with neither) it is running. A container that stops meanwhile fails at once, with its last log lines.
 */
final class LocalHealthWait {
    static final Duration POLL = Duration.ofMillis(250);
    static final int TAIL_ON_FAILURE = 20;

    private final ContainerRunner runner;
    private final HealthProbe probe;
    private final Events events;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    LocalHealthWait(ContainerRunner runner, HealthProbe probe, Events events, Sleeper sleeper, LongSupplier nanoTime) {
        this.runner = runner;
        this.probe = probe;
        this.events = events;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    /** @param url the health URL, or null to go by Docker's health status (or by running, without a health check) */
    void await(String name, URI url, Duration timeout) {
        String what = url != null ? url.toString() : "container " + name;
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        String seen = "nothing answered";
        while (true) {
            Optional<ContainerState> state = runner.find(name);
            if (url != null) {
                OptionalInt status = probe.status(url);
                if (status.isPresent() && status.getAsInt() >= 200 && status.getAsInt() < 300) {
                    return;
                }
                seen = status.isPresent() ? "it answered HTTP " + status.getAsInt() : "nothing answered";
            } else if (state.isPresent() && state.get().running()) {
                String health = state.get().health();
                if (health == null || health.equals("healthy")) {
                    return;
                }
                seen = "its health check is " + health;
            }
            if (state.isEmpty() || !state.get().running()) {
                showTail(name);
                String how = state.map(s -> s.status() + (s.exitCode() == null ? "" : ", exit code " + s.exitCode())).orElse("removed");
                throw MysfitsException.failed("container " + name + " stopped (" + how + ") before "
                                + (url != null ? url + " answered" : "it was healthy"),
                        "its last log lines are above; fix the app or its environment and run again", null);
            }
            if (nanoTime.getAsLong() - deadline > 0) {
                showTail(name);
                String late = url != null ? url + " did not answer 2xx within " : what + " was not healthy within ";
                throw MysfitsException.timeout(late + Durations.format(timeout) + ": " + seen,
                        "check the log lines above and the health settings in the workshop file; pass --timeout to wait longer; "
                                + "the container is still running (mysfits stop)");
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MysfitsException(ExitCode.INTERRUPTED, "interrupted while waiting for " + what,
                        "the container is still running: mysfits stop stops it", e);
            }
        }
    }

    void showTail(String name) {
        events.note("last log lines of " + name + ":");
        try {
            StringBuilder text = new StringBuilder();
            runner.logs(name, new LogQuery(false, TAIL_ON_FAILURE, Duration.ofSeconds(10)), text::append);
            text.toString().lines().forEach(line -> events.note("  | " + line));
        } catch (MysfitsException unreadable) {
            events.note("  (logs unavailable: " + unreadable.getMessage() + ")");
        }
    }
}
