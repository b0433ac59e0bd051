package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mysfits.it.CleanupFixture.buildAndPush;
import static dev.mysfits.it.CleanupFixture.removeLocalImages;
import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.CleanupFixture.workshopWithOwnNames;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten workshops deployed side by side on one sandbox, as a class of attendees on one account would: each one's
 * services are checked through its own ALB with curl, then all are cleaned up at once, to nothing. Under this load
 * health checks are slow and tasks get replaced; no deploy may wait on the target of a task that has stopped.
 * Alone: it takes every core there is.
 */
@RunsAlone
class TenWorkshopsIT {
    private static final int WORKSHOPS = 10;

    @Test
    void tenWorkshopsDeployServeAndCleanUpSideBySide() throws Exception {
        TestSandbox.requireDocker();
        SortedSet<String> baseline = AwsInventory.take();
        List<String> names = new ArrayList<>();
        Map<String, Path> dirs = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < WORKSHOPS; i++) {
            String ws = "ten" + i + suffix();
            names.add(ws);
            dirs.put(ws, workshopWithOwnNames(ws));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKSHOPS);
        try {
            List<String> urls = all(pool, names, ws -> {
                CommandHarness cli = TestSandbox.harness(dirs.get(ws));
                cli.run("setup").ok();
                buildAndPush(cli, ws, "monolith");
                buildAndPush(cli, ws, "like");
                CommandHarness.Result monolith = cli.run("deploy", "monolith", "--fargate", "--poll-interval", "1s");
                monolith.ok();
                cli.run("deploy", "like", "--fargate", "--path", "/mysfits/*/like", "--poll-interval", "1s").ok();
                return monolith.out().trim();
            });
            for (int i = 0; i < WORKSHOPS; i++) {
                TestSandbox.ProcessResult curl = TestSandbox.run(List.of("curl", "-s", "-o", "/dev/null", "-w",
                        "%{http_code}", "--max-time", "10", urls.get(i) + "mysfits"), Map.of(), Duration.ofSeconds(20));
                assertEquals("200", curl.out(), names.get(i) + " through its own ALB " + urls.get(i) + ": " + curl.err());
                assertHealthyOnly(names.get(i));
            }

            List<String> cleaned = all(pool, names, ws -> {
                CommandHarness.Result result = TestSandbox.harness(dirs.get(ws)).run("cleanup", "--yes");
                result.ok();
                return result.err();
            });
            cleaned.forEach(err -> assertTrue(err.contains("nothing left"), err));
            assertEquals(List.of(), AwsInventory.runningTasks());
            assertEquals(List.of(), TestSandbox.taskContainers());
            assertEquals(baseline, AwsInventory.take());
            TestSandbox.assertNoRequestAwsWouldRefuse();
        } finally {
            pool.shutdownNow();
            for (String ws : names) {
                LocalImages.removeEverythingOf(ws);
                removeLocalImages(ws);
            }
        }
    }

    /** Every target registered in the workshop's groups is healthy: none is left of a task that stopped. */
    private static void assertHealthyOnly(String ws) {
        for (JsonNode group : aws("elbv2", "describe-target-groups").path("TargetGroups")) {
            if (!group.path("TargetGroupName").asText().startsWith(ws + "-")) {
                continue;
            }
            JsonNode health = aws("elbv2", "describe-target-health", "--target-group-arn", group.path("TargetGroupArn").asText());
            for (JsonNode target : health.path("TargetHealthDescriptions")) {
                assertEquals("healthy", target.path("TargetHealth").path("State").asText(), health.toPrettyString());
            }
        }
    }

    private interface PerWorkshop {
        String run(String ws) throws Exception;
    }

    private static List<String> all(ExecutorService pool, List<String> names, PerWorkshop work) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        for (String ws : names) {
            Callable<String> call = () -> work.run(ws);
            futures.add(pool.submit(call));
        }
        List<String> results = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (ExecutionException e) {
                throw new AssertionError("workshop " + names.get(i) + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        return results;
    }
}
