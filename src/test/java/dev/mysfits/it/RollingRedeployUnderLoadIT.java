package dev.mysfits.it;

import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling redeploy under steady traffic loses no request, at AWS's own pace (health checks 5 s apart, 5 s of
 * draining) and with the machine to itself: its subject is timing, the sending rate is asserted, and a request slowed
 * by other tests' load must not be what decides it.
 */
@RunsAlone
@SandboxTimeScale(1)
class RollingRedeployUnderLoadIT {
    private static final String FAST = "--poll-interval=1s";

    @Test
    void rollingRedeployUnderSteadyTraffic_losesNoRequest() throws Exception {
        DeployFixture ws = new DeployFixture("dproll").setup().pushed("monolith", "latest").pushed("monolith", "v2");
        String url = ws.run("deploy", "monolith", "--fargate", "--count", "2", FAST).ok().out().trim() + "mysfits";
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // 25 requests a second, one every 40 ms whatever each one takes, until the redeploy is over.
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newCachedThreadPool();
        java.util.concurrent.ScheduledExecutorService clock = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        Instant start = Instant.now();
        clock.scheduleAtFixedRate(() -> senders.execute(() -> {
            sent.incrementAndGet();
            try {
                int status = DataPlaneIT.get(url).status();
                if (status != 200) {
                    failed.incrementAndGet();
                    failures.add(String.valueOf(status));
                }
            } catch (UncheckedIOException e) {
                failed.incrementAndGet();
                failures.add(e.getCause().toString());
            }
        }), 0, 40, java.util.concurrent.TimeUnit.MILLISECONDS);
        CommandHarness.Result redeploy = ws.run("deploy", "monolith", "--fargate", "--tag", "v2", FAST);
        clock.shutdownNow();
        senders.shutdown();
        assertTrue(senders.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS), "requests still open");
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

        assertEquals(0, redeploy.exitCode(), redeploy.err());
        System.out.printf("MEASURE rolling redeploy: %.1f s, %d requests (%.1f/s), %d failed%n", seconds, sent.get(),
                sent.get() / seconds, failed.get());
        assertTrue(sent.get() / seconds >= 20, "at least 20 requests a second: " + sent.get() + " in " + seconds + " s");
        assertEquals(0, failed.get(), "failed requests: " + failures);
        assertTrue(ws.service("monolith").path("taskDefinition").asText().endsWith(":2"));
        ws.run("cleanup", "--yes").ok();
    }
}
