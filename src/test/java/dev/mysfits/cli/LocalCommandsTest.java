package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to build/run/logs/stop is refused before Docker is contacted (DOCKER_HOST points nowhere here). */
class LocalCommandsTest {
    @TempDir
    Path workshop;

    private CommandHarness harness() {
        return new CommandHarness().workingDirectory(workshop).env("DOCKER_HOST", "tcp://127.0.0.1:1");
    }

    private void config(String json) throws IOException {
        Files.writeString(workshop.resolve("mysfits.json"), json);
    }

    private void validConfig() throws IOException {
        config("{\"workshop\": \"ws\", \"services\": {\"monolith\": {\"context\": \"app\", \"image\": \"monolith-service\"}}}");
    }

    private static void assertOneLineError(CommandHarness.Result result, int exitCode, String... fragments) {
        assertEquals(exitCode, result.exitCode(), result.err());
        String firstLine = result.err().lines().filter(l -> l.startsWith("Error:")).findFirst().orElse("");
        for (String fragment : fragments) {
            assertTrue(firstLine.contains(fragment), "'" + fragment + "' not in: " + result.err());
        }
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
    }

    @Test
    void build_unknownService_isUsageErrorListingServices() throws IOException {
        validConfig();
        assertOneLineError(harness().run("build", "nope"), 2, "unknown service 'nope'", "monolith");
    }

    @Test
    void run_stop_logs_unknownService_areUsageErrors() throws IOException {
        validConfig();
        assertOneLineError(harness().run("run", "nope"), 2, "unknown service 'nope'");
        assertOneLineError(harness().run("stop", "nope"), 2, "unknown service 'nope'");
        assertOneLineError(harness().run("logs", "nope", "--local"), 2, "unknown service 'nope'");
    }

    @Test
    void build_missingDockerfile_namesThePath() throws IOException {
        validConfig();
        Files.createDirectories(workshop.resolve("app"));
        assertOneLineError(harness().run("build", "monolith"), 2, "Dockerfile " + workshop.resolve("app/Dockerfile"), "does not exist");
    }

    @Test
    void build_configMissing_namesFileAndFix() {
        assertOneLineError(harness().run("build", "monolith"), 2, "no mysfits.json in " + workshop);
        CommandHarness.Result explicit = harness().run("--config", "other.json", "build", "monolith");
        assertOneLineError(explicit, 2, "config file " + workshop.resolve("other.json") + " does not exist");
    }

    @Test
    void build_malformedConfig_namesFileAndLine() throws IOException {
        config("{\n  \"workshop\": \"ws\",\n  \"services\": {\n    \"monolith\": {\"context\": \"app\",}\n  }\n}\n");
        assertOneLineError(harness().run("build", "monolith"), 2, workshop.resolve("mysfits.json") + ":4:");
    }

    @Test
    void build_invalidTag_isUsageError() throws IOException {
        validConfig();
        Files.createDirectories(workshop.resolve("app"));
        Files.writeString(workshop.resolve("app/Dockerfile"), "FROM scratch\n");
        assertOneLineError(harness().run("build", "monolith", "--tag", "Bad Tag!"), 2, "invalid tag");
    }

    @Test
    void build_badBuildArg_andBadTimeout_areParseErrors() throws IOException {
        validConfig();
        CommandHarness.Result buildArg = harness().run("build", "monolith", "--build-arg", "NOEQUALS");
        assertEquals(2, buildArg.exitCode());
        assertTrue(buildArg.err().contains("KEY=VALUE"), buildArg.err());
        CommandHarness.Result timeout = harness().run("run", "monolith", "--timeout", "soon");
        assertEquals(2, timeout.exitCode());
        assertTrue(timeout.err().contains("'soon' is not a duration"), timeout.err());
    }

    @Test
    void run_portOutOfRange_isUsageError() throws IOException {
        validConfig();
        assertOneLineError(harness().run("run", "monolith", "--port", "70000"), 2, "--port 70000");
    }

    @Test
    void logs_cloudWatchWithoutRegion_isPreconditionNamingTheFix() throws IOException {
        validConfig();
        CommandHarness.Result result = harness().run("logs", "monolith");
        assertOneLineError(result, 3, "no AWS region is set");
        assertTrue(result.err().contains("--region"), result.err());
    }

    @Test
    void logs_tailWithoutLocal_isUsageError() throws IOException {
        validConfig();
        assertOneLineError(harness().run("logs", "monolith", "--tail", "5"), 2, "--tail works with --local only");
    }

    @Test
    void stop_daemonUnreachable_isPreconditionWithHint() throws IOException {
        validConfig();
        CommandHarness.Result result = harness().run("stop", "monolith");
        assertOneLineError(result, 3, "Docker daemon is not reachable at tcp://127.0.0.1:1");
        assertTrue(result.err().contains("Hint: start Docker (scripts/sandbox up) or fix DOCKER_HOST"), result.err());
    }
}
