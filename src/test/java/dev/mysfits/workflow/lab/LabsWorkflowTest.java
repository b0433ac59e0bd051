package dev.mysfits.workflow.lab;

import dev.mysfits.lab.LabLoader;
import dev.mysfits.lab.LabProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LabsWorkflowTest {
    @TempDir
    Path root;

    @Test
    void labs_showEachStepsLastCheck_fromTheProgressBesideTheLabsWorkshop() throws IOException {
        Path labs = Files.createDirectories(root.resolve("labs"));
        Files.createDirectories(root.resolve("w"));
        String probe = "{\"file\": {\"path\": \"Dockerfile\"}, \"hint\": \"h\"}";
        Files.writeString(labs.resolve("007.json"), "{\"id\": \"007\", \"title\": \"seven\", \"page\": \"007_0000000000000000.txt\", "
                + "\"workshop\": \"w/mysfits.json\", \"steps\": ["
                + "{\"id\": \"a\", \"title\": \"A\", \"section\": \"1\", \"solve\": [\"build x\"], \"check\": [" + probe + "]},"
                + "{\"id\": \"b\", \"title\": \"B\", \"section\": \"1\", \"solve\": [], \"check\": [" + probe + "]},"
                + "{\"id\": \"c\", \"title\": \"C\", \"section\": \"2\", \"solve\": [], \"check\": [" + probe + ", " + probe + "], \"costsMoney\": true}]}");
        LabProgress progress = new LabProgress(LabProgress.defaultFile(root.resolve("w")),
                Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC));
        progress.record("007", "a", true);
        progress.record("007", "b", false);

        LabsResult result = new LabsWorkflow(new LabLoader()).execute(new LabsRequest(labs, null));

        LabsResult.LabStatus lab = result.labs().get(0);
        assertEquals(1, lab.passed());
        assertEquals(List.of(LabsResult.State.PASSED, LabsResult.State.FAILED, LabsResult.State.NOT_CHECKED),
                lab.steps().stream().map(LabsResult.StepStatus::state).toList());
        assertEquals("2026-12-07T03:00:00Z", lab.steps().get(0).checkedAt());
        assertNull(lab.steps().get(2).checkedAt());
        assertEquals(2, lab.steps().get(2).probes());
        assertEquals(result, new LabsWorkflow(new LabLoader()).execute(new LabsRequest(labs, "007")));
    }
}
