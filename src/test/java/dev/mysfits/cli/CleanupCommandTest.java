package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanupCommandTest {
    @TempDir
    Path dir;

    @Test
    void cleanupLocal_withServiceNames_isUsageErrorWithHint() throws IOException {
        Files.writeString(dir.resolve("mysfits.json"), "{\"workshop\":\"w\",\"services\":{\"monolith\":{\"context\":\".\"}}}");

        CommandHarness.Result result = new CommandHarness().workingDirectory(dir).run("cleanup", "--local", "monolith");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("cleanup --local takes no service names"), result.err());
    }

    @Test
    void help_listsTheCleanupOptions() {
        CommandHarness.Result result = new CommandHarness().run("cleanup", "--help");

        assertEquals(0, result.exitCode());
        for (String option : new String[] {"--dry-run", "--yes", "--keep-images", "--keep-infra", "--local"}) {
            assertTrue(result.out().contains(option), option + " in " + result.out());
        }
    }
}
