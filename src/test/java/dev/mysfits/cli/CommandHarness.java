package dev.mysfits.cli;

import dev.mysfits.core.Environment;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process with captured stdout/stderr and a chosen environment. */
public final class CommandHarness {
    public record Result(int exitCode, String out, String err) {
        private static final java.util.regex.Pattern STATS =
                java.util.regex.Pattern.compile("stats: \\d+ ms wall time \\(JVM uptime\\), (\\d+) AWS API calls(?: \\{(.*)})?");

        /** Asserts exit 0, showing both streams otherwise; returns this result for reading. */
        public Result ok() {
            org.junit.jupiter.api.Assertions.assertEquals(0, exitCode, "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
            return this;
        }

        /**
         * Asserts the house's failure shape: this exit code, one {@code Error:} line first naming the fragment, a
         * {@code Hint:}, no stack trace, and nothing on stdout.
         */
        public void assertOneLineError(int expectedExitCode, String fragment) {
            org.junit.jupiter.api.Assertions.assertEquals(expectedExitCode, exitCode, err);
            org.junit.jupiter.api.Assertions.assertTrue(err.startsWith("Error: "), err);
            org.junit.jupiter.api.Assertions.assertTrue(err.lines().findFirst().orElse("").contains(fragment), err);
            org.junit.jupiter.api.Assertions.assertTrue(err.lines().anyMatch(l -> l.startsWith("Hint: ")), err);
            org.junit.jupiter.api.Assertions.assertFalse(err.contains("\tat "), "no stack trace: " + err);
            org.junit.jupiter.api.Assertions.assertEquals("", out);
        }

        /** The AWS API calls by "Service.Operation", from the --stats line the run must have asked for. */
        public java.util.Map<String, Integer> apiCalls() {
            java.util.regex.Matcher m = STATS.matcher(err);
            if (!m.find()) {
                throw new AssertionError("no --stats line in: " + err);
            }
            java.util.Map<String, Integer> calls = new java.util.TreeMap<>();
            if (m.group(2) != null && !m.group(2).isBlank()) {
                for (String entry : m.group(2).split(", ")) {
                    String[] parts = entry.split("=");
                    calls.put(parts[0], Integer.parseInt(parts[1]));
                }
            }
            return calls;
        }

        /** The retries of AWS API calls, from the --stats lines the run must have asked for. */
        public int apiRetries() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("stats: (\\d+) AWS API retries").matcher(err);
            if (!m.find()) {
                throw new AssertionError("no --stats retries line in: " + err);
            }
            return Integer.parseInt(m.group(1));
        }

        public int apiCallCount() {
            return apiCalls().values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private Path home = Path.of(System.getProperty("user.home"));

    public CommandHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CommandHarness envFromSystem(String... names) {
        for (String name : names) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return this;
    }

    /** The home directory the command sees (~/.aws, ~/.docker). */
    public CommandHarness home(Path directory) {
        this.home = directory;
        return this;
    }

    /**
     * A workshop of one service (monolith) in that directory, with AWS and Docker pointing nowhere: for what a command
     * refuses before it asks either.
     */
    public static CommandHarness withNothingToReach(Path workshop) throws java.io.IOException {
        java.nio.file.Files.writeString(workshop.resolve("mysfits.json"),
                "{\"workshop\": \"ws\", \"services\": {\"monolith\": {\"context\": \"app\", \"image\": \"monolith-service\"}}}");
        return new CommandHarness().workingDirectory(workshop).env("DOCKER_HOST", "tcp://127.0.0.1:1")
                .env("AWS_ENDPOINT_URL", "http://127.0.0.1:1").env("AWS_REGION", "us-east-1")
                .env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test");
    }

    public CommandHarness workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    public Result run(String... args) {
        Environment environment = new Environment(Map.copyOf(env), workingDirectory, home);
        MysfitsCommand root = new MysfitsCommand(environment, ConsoleFactory.plain());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Cli.create(root);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = Cli.execute(root, commandLine, args);
        return new Result(code, out.toString(), err.toString());
    }
}
