package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.fakes.FakeContainerRunner;
import dev.mysfits.fakes.FakeLogReader;
import dev.mysfits.lab.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogProbesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String GROUP = "/mysfits/trash-can/inv";
    @TempDir
    Path dir;
    private final FakeLogReader cloud = new FakeLogReader();
    private final FakeContainerRunner runner = new FakeContainerRunner();
    private final List<Duration> sleeps = new ArrayList<>();
    private Runnable afterSleep = () -> { };
    private final LogProbes probes = new LogProbes(() -> cloud, () -> runner, Clock.fixed(NOW, ZoneOffset.UTC), d -> {
        sleeps.add(d);
        afterSleep.run();
    });

    private WorkshopConfig workshop() {
        return LabWorkshops.trashCan(dir, 8080);
    }

    @Test
    void aCloudWatchLineOfTheLastHourPasses() {
        cloud.put(GROUP, NOW.minus(Duration.ofMinutes(5)), "task1", "10.0.0.1 - - \"GET / HTTP/1.1\" 200");
        assertEquals(Optional.empty(), probes.problem(new Probe.Log("inv", "cloud", "GET /", "curl it"), workshop()));
        assertEquals(List.of(NOW.minus(LogProbes.CLOUD_WINDOW)), cloud.reads);
    }

    @Test
    void anOlderLineOrNoGroupFails() {
        assertEquals(Optional.of("no log group " + GROUP), probes.problem(new Probe.Log("inv", "cloud", "GET /", "curl it"), workshop()));
        assertEquals(List.of(), sleeps, "no group: it fails at once");
        cloud.put(GROUP, NOW.minus(Duration.ofHours(2)), "task1", "GET / 200");
        cloud.put(GROUP, NOW.minus(Duration.ofMinutes(2)), "task1", "starting");
        assertEquals(Optional.of("none of the 1 lines of the last hour in " + GROUP + " holds it"),
                probes.problem(new Probe.Log("inv", "cloud", "GET /", "curl it"), workshop()));
        // The group is there without the line: read again once a second, ten seconds at most, then it fails.
        assertEquals(10, sleeps.size());
        assertTrue(sleeps.stream().allMatch(Duration.ofSeconds(1)::equals), sleeps.toString());
        assertEquals(12, cloud.reads.size());
    }

    @Test
    void aCloudWatchLineThatShowsAMomentLaterPasses() {
        cloud.put(GROUP, NOW.minus(Duration.ofMinutes(2)), "task1", "starting");
        // CloudWatch shows the container's line some seconds after it was written: here, after the second read.
        afterSleep = () -> {
            if (sleeps.size() == 2) {
                cloud.put(GROUP, NOW.minus(Duration.ofSeconds(3)), "task1", "Like for mysfit x refused by the monolith: 404");
            }
        };
        assertEquals(Optional.empty(), probes.problem(new Probe.Log("inv", "cloud", "refused by the monolith: 404", "curl it"), workshop()));
        assertEquals(2, sleeps.size());
        assertEquals(3, cloud.reads.size());
    }

    @Test
    void theLocalContainersLogsPass() {
        runner.containers.put("mysfits-trash-can-inv", new ContainerState("c1", "mysfits-trash-can-inv", "trash-can/inv:0.1",
                "running", null, List.of(8080)));
        runner.logText.put("mysfits-trash-can-inv", "serving on 8080\n127.0.0.1 \"GET / HTTP/1.1\" 200\n");
        assertEquals(Optional.empty(), probes.problem(new Probe.Log("inv", "local", "GET /", "curl it"), workshop()));
        assertEquals(1, runner.logQueries.size());
        assertEquals(false, runner.logQueries.get(0).follow());
    }

    @Test
    void localLogsWithoutTheLineOrWithoutAContainerFail() {
        assertEquals(Optional.of("no container mysfits-trash-can-inv (nor inv) on the local engine"),
                probes.problem(new Probe.Log("inv", "local", "GET /", "curl it"), workshop()));
        runner.containers.put("mysfits-trash-can-inv", new ContainerState("c1", "mysfits-trash-can-inv", "trash-can/inv:0.1",
                "running", null, List.of(8080)));
        runner.logText.put("mysfits-trash-can-inv", "serving on 8080\n");
        assertEquals(Optional.of("none of the 1 lines container mysfits-trash-can-inv logged holds it"),
                probes.problem(new Probe.Log("inv", "local", "GET /", "curl it"), workshop()));
    }
}
