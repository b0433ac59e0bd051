package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.core.ExitCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real jar, stopped at random points of setup, push, deploy and scale: 20 times by one signal, SIGINT (Ctrl-C)
 * in {@code InterruptedBySigintIT} and SIGKILL in {@code InterruptedBySigkillIT}, side by side with workshops of their
 * own. After each stop, the same command run again must finish, the ledger must stay readable, and at the end the
 * workshop must be as an uninterrupted run leaves it; cleanup then leaves nothing. SIGINT must say what was in
 * progress, in one Error line, and exit 130.
 *
 * <p>Each point falls in [0, how long that command last took] after its first line of progress, so that the points
 * fall inside the commands however fast this machine and the sandbox's clock run them.
 */
abstract class InterruptSuite {
    private static final int POINTS = 20;
    private static final List<List<String>> COMMANDS = List.of(
            List.of("setup"),
            List.of("push", "monolith"),
            List.of("deploy", "monolith", "--fargate"),
            List.of("scale", "monolith", "--count", "2"),
            List.of("scale", "monolith", "--count", "1"));

    private final String signal;
    private final long randomSeed;

    InterruptSuite(String signal, long randomSeed) {
        this.signal = signal;
        this.randomSeed = randomSeed;
    }

    @Test
    void stoppedAtRandomPoints_theSameCommandAgainConverges_cleanupLeavesNothing() throws Exception {
        SortedSet<String> baseline = AwsInventory.take();
        DeployFixture f = new DeployFixture("intr" + signal.toLowerCase() + Long.toString(System.nanoTime() % 100_000L, 36));
        f.pushed("monolith", "latest"); // the image exists locally and in ECR; push below repeats it
        Random random = new Random(randomSeed);
        Map<String, Long> lastMillis = new HashMap<>();
        int interrupted = 0;
        int finishedFirst = 0;
        for (int point = 0; point < POINTS; point++) {
            List<String> command = COMMANDS.get(point % COMMANDS.size());
            String kind = String.join(" ", command);
            long delayMillis = (long) (random.nextDouble() * lastMillis.getOrDefault(kind, firstGuessMillis(command)));
            Path errFile = Files.createTempFile("interrupt", ".err");
            Process process = start(f.dir, command, errFile);
            // Counted from the command's first line of progress: a signal during the JVM's own start-up is not
            // mysfits' to handle.
            long started = System.nanoTime();
            while (Files.size(errFile) == 0 && process.isAlive() && System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(10);
            }
            long firstLine = System.nanoTime();
            boolean done = process.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            if (done) {
                lastMillis.put(kind, Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstLine)));
            } else {
                signal(process, signal);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ends on SIG" + signal);
                done = process.exitValue() == 0; // the signal came as it was exiting: it had finished
            }
            if (!done) {
                interrupted++;
                String err = Files.readString(errFile);
                if (signal.equals("INT")) {
                    assertEquals(ExitCode.INTERRUPTED.code(), process.exitValue(), err);
                    List<String> errors = err.lines().filter(l -> l.startsWith("Error: ")).toList();
                    assertEquals(1, errors.size(), err);
                    assertTrue(errors.get(0).startsWith("Error: interrupted"), err);
                    assertTrue(err.lines().anyMatch(l -> l.startsWith("Hint: run the same command again")), err);
                } else {
                    assertEquals(137, process.exitValue(), "killed outright");
                }
            } else {
                finishedFirst++;
                assertEquals(0, process.exitValue(), Files.readString(errFile));
            }
            Path ledger = f.dir.resolve(".mysfits/ledger.json");
            if (Files.exists(ledger)) {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(ledger.toFile()); // whole, never half-written
            }
            CommandHarness.Result again = f.run(command.toArray(String[]::new));
            assertEquals(0, again.exitCode(), "SIG" + signal + " after " + delayMillis + " ms of " + command + ", then again: " + again.err());
            System.out.printf("[InterruptSuite] SIG%s after %4d ms of %-32s %s; run again: exit 0%n", signal, delayMillis,
                    kind, done ? "(it had finished)" : "(stopped)");
        }
        System.out.printf("[InterruptSuite] SIG%s: %d runs stopped, %d finished before it; every command run again converged%n",
                signal, interrupted, finishedFirst);
        assertTrue(interrupted >= POINTS / 2, "most points fall inside a command: " + interrupted);

        // As an uninterrupted setup, push, deploy and scale to 1 leave it: one of each, one revision.
        assertEquals(1, f.taskDefinitions("monolith").size(), "one revision: nothing changed between deploys");
        assertEquals(1, count(TestSandbox.aws("elbv2", "describe-load-balancers").path("LoadBalancers"), "LoadBalancerName", f.name + "-"));
        assertEquals(1, count(TestSandbox.aws("elbv2", "describe-target-groups").path("TargetGroups"), "TargetGroupName", f.name + "-"));
        assertEquals(2, count(TestSandbox.aws("ec2", "describe-security-groups").path("SecurityGroups"), "GroupName", f.name + "-"));
        // The shared execution and task roles, and the monolith's own task role (its "taskRole" in mysfits.json).
        assertEquals(3, count(TestSandbox.aws("iam", "list-roles").path("Roles"), "RoleName", f.name + "-"));
        JsonNode service = TestSandbox.aws("ecs", "describe-services", "--cluster", f.name, "--services", "monolith").path("services").get(0);
        assertEquals(1, service.path("desiredCount").asInt());
        assertEquals(1, TestSandbox.aws("ecs", "list-services", "--cluster", f.name).path("serviceArns").size());

        assertEquals(0, f.run("cleanup", "--yes").exitCode());
        assertEquals(baseline, AwsInventory.take(), "cleanup leaves nothing");
        assertFalse(Files.exists(f.dir.resolve(".mysfits/ledger.json")) && Files.readString(f.dir.resolve(".mysfits/ledger.json")).contains("arn:"),
                "the ledger is empty");
    }

    /** How long each command takes at AWS's pace, until this run has seen one finish. */
    private static long firstGuessMillis(List<String> command) {
        return switch (command.get(0)) {
            case "setup" -> 1500;
            case "push" -> 2500;
            default -> 5000;
        };
    }

    private static Process start(Path dir, List<String> command, Path errFile) throws Exception {
        // Ctrl-C reaches a process at a terminal whose SIGINT is at its default. A shell that starts the tests in the
        // background without job control (`scripts/test &` in a script) has every child ignore SIGINT, and a JVM
        // keeps an ignored SIGINT ignored: coreutils' env sets it back, as a terminal's foreground job has it.
        List<String> line = new ArrayList<>(List.of("env", "--default-signal=INT"));
        line.addAll(TestSandbox.mysfitsCommand(command.toArray(String[]::new)));
        ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile.toFile());
        builder.environment().putAll(TestSandbox.awsEnvironment());
        builder.environment().put("NO_COLOR", "1");
        return builder.start();
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
    }

    private static int count(JsonNode items, String field, String prefix) {
        int n = 0;
        for (JsonNode item : items) {
            if (item.path(field).asText().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }
}
