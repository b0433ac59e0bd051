package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ps and images: bad input is refused before Docker or AWS is asked (both point nowhere here), and --help says what they show. */
class InventoryCommandsTest {
    @TempDir
    Path workshop;

    private CommandHarness harness() throws IOException {
        return CommandHarness.withNothingToReach(workshop);
    }

    @Test
    void images_unknownService_isUsageError_namingTheServices() throws IOException {
        harness().run("images", "nope").assertOneLineError(2, "unknown service 'nope': mysfits.json defines monolith");
    }

    @Test
    void psAndImages_badOutputFormat_isUsageError() throws IOException {
        harness().run("ps", "--output", "yaml").assertOneLineError(2, "yaml");
        harness().run("images", "--output", "yaml").assertOneLineError(2, "yaml");
    }

    @Test
    void ps_extraArgument_isUsageError() throws IOException {
        CommandHarness.Result result = harness().run("ps", "monolith");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("monolith"), result.err());
    }

    @Test
    void psAndImages_dockerNotThere_isPreconditionError() throws IOException {
        harness().run("ps").assertOneLineError(3, "tcp://127.0.0.1:1");
    }

    @Test
    void psAndImages_help_sayWhatTheyShow() throws IOException {
        CommandHarness.Result ps = harness().run("ps", "--help");
        assertEquals(0, ps.exitCode(), ps.err());
        assertTrue(ps.out().replaceAll("\\s+", " ").contains("service, container, image, status, ports and the URL it answers on"), ps.out());
        CommandHarness.Result images = harness().run("images", "--help");
        assertEquals(0, images.exitCode(), images.err());
        assertTrue(images.out().contains("[SERVICE]"), images.out());
        assertTrue(images.out().replaceAll("\\s+", " ").contains("pushed (ECR has this very image), not pushed, differs"), images.out());
        CommandHarness.Result root = harness().run("--help");
        assertTrue(root.out().contains("  ps ") && root.out().contains("  images "), root.out());
    }
}
