package dev.mysfits.it;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.SdkResourceDeleter;
import dev.mysfits.aws.SdkTaggedResourceFinder;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.console.Console;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.cleanup.CleanupRequest;
import dev.mysfits.workflow.cleanup.CleanupWorkflow;
import dev.mysfits.workflow.cleanup.RetryPolicy;
import dev.mysfits.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mysfits.workflow.Confirmations.noTerminal;
import static dev.mysfits.it.CleanupFixture.deployBothOnFargate;
import static dev.mysfits.it.CleanupFixture.foreignResources;
import static dev.mysfits.it.CleanupFixture.ledgerEntries;
import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.CleanupFixture.workshopWithOwnNames;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cleanup stopped part-way, by a simulated kill in-process and by SIGKILL of the real jar: each next run resumes
 * from what is left, and the last leaves the inventory as it was before setup (checked with the AWS CLI).
 */
class CleanupResumesIT {
    @org.junit.jupiter.api.AfterEach
    void removeTheWorkshopsImages() {
        CleanupFixture.removeLocalImagesOfWorkshopsMade();
    }


    @BeforeEach
    void freshMoto() {
        TestSandbox.resetMoto();
    }

    @Test
    void cleanup_killedAtSeveralPoints_eachRunResumes_andTheLastReachesTheBaseline() throws Exception {
        String ws = "clint" + suffix();
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        foreignResources(ws);
        SortedSet<String> baseline = AwsInventory.take();
        deployBothOnFargate(cli, ws);

        // Each run dies after 5 deletions (mid-stage, at a different stage each time) and the next picks up.
        int kills = 0;
        SortedSet<String> before = AwsInventory.take();
        try (AwsClients aws = TestSandbox.awsClients()) {
            ResourceDeleter real = new SdkResourceDeleter(aws, Duration.ofMinutes(1));
            while (true) {
                CleanupWorkflow workflow = workflowDyingAfter(5, real, aws, dir);
                try {
                    workflow.execute(new CleanupRequest(ws, Set.of("monolith", "like"), List.of(), false, true, false, false));
                    break;
                } catch (IllegalStateException killed) {
                    kills++;
                    SortedSet<String> now = AwsInventory.take();
                    assertTrue(before.containsAll(now) && now.size() < before.size(), "each interrupted run makes progress");
                    assertTrue(kills < 10, "too many runs: " + now);
                    before = now;
                }
            }
        }
        assertTrue(kills >= 3, "killed at several points, got " + kills);
        assertEquals(baseline, AwsInventory.take());
        CommandHarness.Result again = cli.run("cleanup", "--yes");
        again.ok();
        assertTrue(again.err().contains("nothing to clean up"), again.err());
    }

    private static CleanupWorkflow workflowDyingAfter(int deletions, ResourceDeleter real, AwsClients aws, Path dir) {
        AtomicInteger done = new AtomicInteger();
        ResourceDeleter dying = new ResourceDeleter() {
            @Override
            public Outcome delete(OwnedResource resource) {
                if (done.incrementAndGet() > deletions) {
                    throw new IllegalStateException("simulated kill after " + deletions + " deletions");
                }
                return real.delete(resource);
            }

            @Override
            public void resetDefaultAction(OwnedResource listener) {
                real.resetDefaultAction(listener);
            }
        };
        StringWriter sink = new StringWriter();
        Console console = new Console(new PrintWriter(sink), new PrintWriter(sink), false, false, OutputFormat.TEXT, () -> 0L);
        return new CleanupWorkflow(new ConsoleEvents(console), new Ledger(Ledger.defaultFile(dir), Clock.systemUTC()),
                new SdkTaggedResourceFinder(aws), dying, noTerminal(),
                RetryPolicy.backoff(6, Duration.ofMillis(200), Duration.ofSeconds(2)), Sleeper.system(), TestSandbox.REGION);
    }

    @Test
    void cleanup_processKilledWithSigkillAtSeveralPoints_theNextRunFinishes() throws Exception {
        String ws = "clkill" + suffix();
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        SortedSet<String> baseline = AwsInventory.take();
        deployBothOnFargate(cli, ws);
        SortedSet<String> deployed = AwsInventory.take();

        // mysfits in its own JVM, killed outright (SIGKILL, no shutdown hooks) right after its first deletions,
        // seen as the ledger shrinking; the next run starts from what is left.
        Path ledger = dir.resolve(".mysfits/ledger.json");
        int kills = 0;
        boolean finished = false;
        while (!finished && kills < 3) {
            int entriesBefore = ledgerEntries(ledger);
            ProcessBuilder builder = new ProcessBuilder(TestSandbox.mysfitsCommand("cleanup", "--yes"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(TestSandbox.awsEnvironment());
            Process process = builder.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (true) {
                if (process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    assertEquals(0, process.exitValue(), "an uninterrupted cleanup run exits 0");
                    finished = true;
                    break;
                }
                if (ledgerEntries(ledger) < entriesBefore) {
                    process.destroyForcibly().waitFor();
                    kills++;
                    SortedSet<String> now = AwsInventory.take();
                    System.out.println("[CleanupResumesIT] killed run " + kills + ": " + now.size() + " resources left");
                    assertTrue(!now.equals(deployed) && !now.equals(baseline), "killed mid-cleanup: " + now);
                    // The ledger, rewritten by atomic renames, is whole after the kill: a dry run reads it.
                    cli.run("cleanup", "--dry-run").ok();
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "cleanup run neither deleted anything nor finished in 2 minutes");
            }
        }
        assertTrue(kills >= 2, "killed at several points, got " + kills);
        if (!finished) {
            cli.run("cleanup", "--yes").ok();
        }
        assertEquals(baseline, AwsInventory.take());
        assertTrue(cli.run("cleanup", "--yes").err().contains("nothing to clean up"));
    }
}
