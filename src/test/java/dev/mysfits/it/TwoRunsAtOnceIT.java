package dev.mysfits.it;

import dev.mysfits.cli.CommandHarness;
import dev.mysfits.core.ExitCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deploy in one terminal, a cleanup and a second deploy in another, in the same workshop: the later ones wait for
 * the deploy; each either refuses naming its process, changing nothing, or runs once it is done. Never both at once.
 */
class TwoRunsAtOnceIT {
    /** The deploy must outlast the 10 s another mysfits waits for the lock, whatever the machine's speed. */
    private static final double DEPLOY_AT_LEAST_SECONDS = 20;

    @Test
    void cleanupAndASecondDeploy_duringADeploy_refuseNamingIt_thenCleanupRuns() throws Exception {
        DeployFixture f = new DeployFixture("twice" + Long.toString(System.nanoTime() % 100_000L, 36)).setup();
        f.pushed("monolith", "latest");
        // The deploy waits for two passing health checks: one interval apart, 20 s on the sandbox clock (300 s, ALB's
        // longest interval, is still 15 s at a scale of 20).
        int interval = (int) Math.min(300, Math.ceil(DEPLOY_AT_LEAST_SECONDS * TestSandbox.timeScale()));
        f.editConfig(config -> ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("services").get("monolith"))
                .putObject("healthCheck").put("intervalSeconds", interval).put("healthyThreshold", 2));
        Path err = Files.createTempFile("deploy", ".err");
        ProcessBuilder builder = new ProcessBuilder(TestSandbox.mysfitsCommand("deploy", "monolith", "--fargate"))
                .directory(f.dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        builder.environment().putAll(TestSandbox.awsEnvironment());
        Process deploy = builder.start();
        try {
            Path lock = f.dir.resolve(".mysfits/lock");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(Files.exists(lock) && Files.readString(lock).startsWith(deploy.pid() + " "))) {
                assertTrue(System.nanoTime() < deadline, "the deploy takes the lock");
                Thread.sleep(20);
            }

            CommandHarness.Result cleanup = f.run("cleanup", "--yes");
            assertEquals(ExitCode.PRECONDITION.code(), cleanup.exitCode(), cleanup.err());
            assertTrue(cleanup.err().contains("waiting for another mysfits to finish: pid " + deploy.pid() + " (deploy monolith"), cleanup.err());
            assertTrue(cleanup.err().contains("Error: another mysfits is changing this workshop: pid " + deploy.pid()), cleanup.err());
            assertTrue(cleanup.err().contains("Hint: wait for it to finish"), cleanup.err());
            // The second deploy waits: it refuses if the first is still at it after 10 s, or runs once it is done.
            CommandHarness.Result second = f.run("deploy", "monolith", "--fargate");
            assertTrue(second.err().contains("waiting for another mysfits to finish: pid " + deploy.pid()), second.err());
            assertTrue(second.exitCode() == 0 || second.exitCode() == ExitCode.PRECONDITION.code(), second.err());

            assertTrue(deploy.waitFor(3, TimeUnit.MINUTES), "the deploy finishes");
            assertEquals(0, deploy.exitValue(), Files.readString(err));
            CommandHarness.Result after = f.run("cleanup", "--yes");
            assertEquals(0, after.exitCode(), after.err());
        } finally {
            deploy.destroyForcibly();
        }
    }
}
