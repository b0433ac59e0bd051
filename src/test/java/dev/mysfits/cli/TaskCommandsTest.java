package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** task list and task stop: bad input is refused before AWS is asked (it points nowhere here), and --help says the choices. */
class TaskCommandsTest {
    @TempDir
    Path workshop;

    private CommandHarness harness() throws IOException {
        return CommandHarness.withNothingToReach(workshop);
    }

    @Test
    void stop_bothTasksAndAll_isAUsageError() throws IOException {
        harness().run("task", "stop", "monolith", "0123456789abcdef0123456789abcdef", "--all").assertOneLineError(2,
                "TASK and --all are mutually exclusive");
    }

    @Test
    void stop_neitherTasksNorAll_isAUsageError() throws IOException {
        harness().run("task", "stop", "monolith").assertOneLineError(2, "name the tasks to stop (TASK...), or pass --all");
    }

    @Test
    void listAndStop_unknownService_isAUsageError_namingTheServices() throws IOException {
        harness().run("task", "list", "nope").assertOneLineError(2, "unknown service 'nope': mysfits.json defines monolith");
        harness().run("task", "stop", "nope", "--all").assertOneLineError(2, "unknown service 'nope'");
        harness().run("task", "run", "nope").assertOneLineError(2, "unknown service 'nope'");
    }

    @Test
    void stop_aMalformedTaskId_isAUsageError_beforeAwsIsAsked() throws IOException {
        harness().run("task", "stop", "monolith", "no such task").assertOneLineError(2, "'no such task' is not a task id or ARN");
    }

    @Test
    void listAndStop_badOutputFormat_isAUsageError() throws IOException {
        harness().run("task", "list", "monolith", "--output", "yaml").assertOneLineError(2, "yaml");
        harness().run("task", "stop", "monolith", "--all", "--output", "yaml").assertOneLineError(2, "yaml");
    }

    @Test
    void help_saysWhatEachShows_andWhatStopAllLeavesAlone() throws IOException {
        CommandHarness.Result list = harness().run("task", "list", "--help");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().replaceAll("\\s+", " ").contains("the running ones and the recently stopped ones"), list.out());
        CommandHarness.Result stop = harness().run("task", "stop", "--help");
        assertEquals(0, stop.exitCode(), stop.err());
        String text = stop.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("SERVICE [TASK...]") && text.contains("--all"), stop.out());
        assertTrue(text.contains("--all leaves the ECS service's own tasks alone"), stop.out());
        CommandHarness.Result run = harness().run("task", "run", "--help");
        assertTrue(run.out().replaceAll("\\s+", " ").contains("it works before any deploy"), run.out());
        CommandHarness.Result task = harness().run("task", "--help");
        assertTrue(task.out().contains("  run ") && task.out().contains("  list ") && task.out().contains("  stop "), task.out());
    }
}
