package dev.mysfits.workflow.logs;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.fakes.FakeLogReader;
import dev.mysfits.core.Sleeper;

import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudLogsWorkflowTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final ResourceNames NAMES = new ResourceNames("ws");
    private static final String GROUP = "/mysfits/ws/monolith";
    private static final String TASK_A = "aaaaaaaa1111111111111111111111aa";
    private static final String TASK_B = "bbbbbbbb2222222222222222222222bb";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeLogReader reader = new FakeLogReader();

    private Console console(OutputFormat format) {
        return new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false, format, () -> 0L);
    }

    private CloudLogsWorkflow workflow(Sleeper sleeper) {
        return new CloudLogsWorkflow(reader, new ConsoleEvents(console(OutputFormat.TEXT)), Clock.fixed(NOW, ZoneOffset.UTC), sleeper);
    }

    @Test
    void execute_twoTasks_interleavesByTimeWithShortTaskIdPrefix() {
        reader.put(GROUP, NOW.minusSeconds(30), TASK_A, "a1")
                .put(GROUP, NOW.minusSeconds(10), TASK_A, "a2")
                .put(GROUP, NOW.minusSeconds(20), TASK_B, "b1");

        long count = workflow(d -> { }).execute(new CloudLogsWorkflow.Request(NAMES, "monolith", Duration.ofMinutes(10), false)).lines();

        assertEquals(3, count);
        assertEquals(List.of("aaaaaaaa | a1", "bbbbbbbb | b1", "aaaaaaaa | a2"), out.toString().lines().toList());
    }

    @Test
    void execute_since_readsFromNowMinusSince() {
        reader.put(GROUP, NOW.minusSeconds(3600), TASK_A, "old").put(GROUP, NOW.minusSeconds(60), TASK_A, "new");

        workflow(d -> { }).execute(new CloudLogsWorkflow.Request(NAMES, "monolith", Duration.ofMinutes(10), false));

        assertEquals(List.of(NOW.minusSeconds(600)), reader.reads);
        assertEquals(List.of("aaaaaaaa | new"), out.toString().lines().toList());
    }

    @Test
    void execute_noLogGroup_isPreconditionSayingRunSetupAndDeploy() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow(d -> { })
                .execute(new CloudLogsWorkflow.Request(NAMES, "monolith", Duration.ofMinutes(10), false)));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().startsWith("no logs yet for monolith: log group /mysfits/ws/monolith does not exist"), e.getMessage());
        assertTrue(e.hint().contains("mysfits setup") && e.hint().contains("mysfits deploy monolith"), e.hint());
    }

    @Test
    void execute_emptyGroup_saysSoOnStderrAndPrintsNothing() {
        reader.group(GROUP);
        long count = workflow(d -> { }).execute(new CloudLogsWorkflow.Request(NAMES, "monolith", Duration.ofMinutes(10), false)).lines();
        assertEquals(0, count);
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("no log lines for monolith"), err.toString());
    }

    @Test
    void execute_follow_printsNewLinesOnceEachAndStopsWhenInterrupted() {
        reader.put(GROUP, NOW.minusSeconds(5), TASK_A, "first");
        int[] polls = {0};
        Sleeper sleeper = duration -> {
            assertEquals(Duration.ofSeconds(2), duration);
            polls[0]++;
            if (polls[0] == 1) {
                // arrives between polls; "first" is still inside the lookback and must not print twice
                reader.put(GROUP, NOW.plusSeconds(1), TASK_B, "second");
            } else if (polls[0] == 2) {
                reader.put(GROUP, NOW.plusSeconds(3), TASK_A, "third");
            } else {
                throw new InterruptedException("ctrl-c");
            }
        };

        long count = workflow(sleeper).execute(new CloudLogsWorkflow.Request(NAMES, "monolith", Duration.ofMinutes(1), true)).lines();

        assertEquals(3, count);
        assertEquals(List.of("aaaaaaaa | first", "bbbbbbbb | second", "aaaaaaaa | third"), out.toString().lines().toList());
        assertEquals(3, reader.reads.size());
        // the watermark moves with the newest line, less the lookback, never before --since
        assertEquals(NOW.minusSeconds(60), reader.reads.get(0));
        assertEquals(NOW.minusSeconds(15), reader.reads.get(1));
        assertEquals(NOW.plusSeconds(1).minus(CloudLogsWorkflow.LOOKBACK), reader.reads.get(2));
        assertTrue(Thread.interrupted(), "the interrupt is passed on");
    }

    @Test
    void execute_jsonOutput_printsOneObjectPerLine() {
        reader.put(GROUP, NOW.minusSeconds(30), TASK_A, "say \"hi\"");
        new CloudLogsWorkflow(reader, new ConsoleEvents(console(OutputFormat.JSON)), Clock.fixed(NOW, ZoneOffset.UTC), d -> { })
                .execute(new CloudLogsWorkflow.Request(NAMES, "monolith", Duration.ofMinutes(10), false));
        assertEquals(List.of("{\"time\":\"2026-01-01T11:59:30Z\",\"task\":\"" + TASK_A + "\",\"stream\":\"svc/app/" + TASK_A
                + "\",\"message\":\"say \\\"hi\\\"\"}"), out.toString().lines().toList());
    }
}
