package dev.mysfits.console;

import dev.mysfits.core.Change;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.workflow.LogEntry;
import dev.mysfits.workflow.Progress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleEventsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ConsoleEvents events(OutputFormat format) {
        return new ConsoleEvents(new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false, format, () -> 0L));
    }

    @Test
    void stepsStagesAndFacts_goToStderrAsLines() {
        ConsoleEvents events = events(OutputFormat.TEXT);

        events.started("Setting up workshop w", true);
        events.finished(new Change(Change.Action.CREATE, "ECS cluster w", null), true);
        events.stage("Deleting 2 resources");
        events.made("deleted ECS cluster w");
        events.finished(new Change(Change.Action.NONE, "log group /mysfits/w/monolith", "retention 7 days"), false);
        events.warn("kept network n: in use");
        events.done("nothing left");

        assertEquals("", out.toString());
        assertEquals(String.join("\n",
                "==> Setting up workshop w (dry run: nothing will change)",
                "    would create ECS cluster w",
                "==> Deleting 2 resources",
                "    ✔ deleted ECS cluster w",
                "    · log group /mysfits/w/monolith is up to date (retention 7 days)",
                "Warning: kept network n: in use",
                "✔ nothing left", ""), err.toString());
    }

    @Test
    void layersAndBuildSteps_showAsProgress_theirEndsOnce() {
        ConsoleEvents events = events(OutputFormat.TEXT);

        events.progress(new Progress.Layer("a1b2", "Pushing", 1_500_000L, 3_000_000L, false));
        events.progress(new Progress.Layer("a1b2", "Pushed", 3_000_000L, null, true));
        events.progress(new Progress.Layer("c3d4", "Already exists", null, null, true));
        events.progress(new Progress.BuildStep("Step 1/2 : FROM base"));
        events.progress(new Progress.BuildCached());

        assertEquals(String.join("\n",
                "    a1b2: Pushing 1.5 MB / 3.0 MB",
                "    a1b2: Pushed 3.0 MB",
                "    c3d4: Already exists",
                "    Step 1/2 : FROM base",
                "      ---> Using cache", ""), err.toString());
    }

    @Test
    void logLines_areTextWithTheirLabel_orOneJsonObjectPerLine() {
        LogEntry entry = new LogEntry(Instant.parse("2026-12-07T03:00:00Z"), "0123456789abcdef", "01234567", "ecs/monolith/0123", "GET /mysfits 200");

        events(OutputFormat.TEXT).log(entry);
        events(OutputFormat.JSON).log(entry);

        assertEquals("01234567 | GET /mysfits 200\n"
                + "{\"time\":\"2026-12-07T03:00:00Z\",\"task\":\"0123456789abcdef\",\"stream\":\"ecs/monolith/0123\",\"message\":\"GET /mysfits 200\"}\n",
                out.toString());
        assertEquals("", err.toString());
    }
}
