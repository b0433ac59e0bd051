package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input that autoscale refuses before building any AWS client. */
class AutoscaleCommandTest {
    @TempDir
    Path dir;

    private CommandHarness harness() throws IOException {
        Files.writeString(dir.resolve("mysfits.json"), "{\"workshop\":\"ws\",\"services\":{\"monolith\":{\"context\":\".\"}}}");
        return new CommandHarness().workingDirectory(dir).env("AWS_REGION", "us-east-1");
    }

    @Test
    void autoscale_withoutBounds_isUsageError() throws IOException {
        CommandHarness.Result result = harness().run("autoscale", "monolith");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("autoscale needs --min and --max (or --off)"), result.err());
    }

    @Test
    void autoscale_offWithBounds_isUsageError() throws IOException {
        CommandHarness.Result result = harness().run("autoscale", "monolith", "--off", "--min", "1");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--off takes no --min, --max or --cpu-target"), result.err());
    }

    @Test
    void autoscale_unknownService_isUsageErrorNamingTheServices() throws IOException {
        CommandHarness.Result result = harness().run("autoscale", "nope", "--min", "1", "--max", "2");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("unknown service 'nope'"), result.err());
    }

    @Test
    void autoscale_minAboveMax_isUsageError() throws IOException {
        CommandHarness.Result result = harness().run("autoscale", "monolith", "--min", "3", "--max", "2");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--min 3 is more than --max 2"), result.err());
    }
}
