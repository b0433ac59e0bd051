package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** setup's options: bad input is refused before AWS is asked (it points nowhere here), and --help says the choices. */
class SetupCommandTest {
    @TempDir
    Path workshop;

    private CommandHarness harness() throws IOException {
        return CommandHarness.withNothingToReach(workshop);
    }

    @Test
    void listenerPort_outOfRange_isAUsageError() throws IOException {
        harness().run("setup", "--listener-port", "0").assertOneLineError(2, "--listener-port must be from 1 to 65535, got 0");
        harness().run("setup", "--listener-port", "65536").assertOneLineError(2, "--listener-port must be from 1 to 65535, got 65536");
    }

    @Test
    void listenerPort_notANumber_isAUsageError() throws IOException {
        CommandHarness.Result result = harness().run("setup", "--listener-port", "http");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("--listener-port"), result.err());
    }

    @Test
    void loadItems_withNoTableOfTheStacks_isAUsageError() throws IOException {
        harness().run("setup", "--load-items").assertOneLineError(2,
                "--load-items loads into the stack's tables, and no table of mysfits.json is the stack's");
    }

    @Test
    void help_namesTheListenerPort() throws IOException {
        CommandHarness.Result result = harness().run("setup", "--help");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("--listener-port=PORT"), result.out());
    }
}
