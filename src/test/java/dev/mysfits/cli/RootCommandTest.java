package dev.mysfits.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RootCommandTest {
    private final CommandHarness harness = new CommandHarness();

    @Test
    void version_printsProjectVersionOnStdout() {
        CommandHarness.Result result = harness.run("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("mysfits 0."), result.out());
    }

    @Test
    void help_listsExitCodes() {
        CommandHarness.Result result = harness.run("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Exit codes:"), result.out());
        assertTrue(result.out().contains("130"), result.out());
    }

    @Test
    void unknownOption_isUsageErrorWithHint() {
        CommandHarness.Result result = harness.run("--frobnicate");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Unknown option: '--frobnicate'"), result.err());
        assertTrue(result.err().contains("Run 'mysfits --help'"), result.err());
    }

    @Test
    void badOutputFormat_isUsageError() {
        CommandHarness.Result result = harness.run("--output", "yaml", "--help");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("not an output format"), result.err());
    }

    @Test
    void trainClassData_touchesNothingAndPrintsNothing() {
        CommandHarness.Result result = harness.run("train-class-data");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out());
    }

    @Test
    void trainClassData_isHiddenFromHelp() {
        assertTrue(!harness.run("--help").out().contains("train-class-data"));
    }
}
