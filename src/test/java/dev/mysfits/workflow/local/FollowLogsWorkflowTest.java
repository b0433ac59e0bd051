package dev.mysfits.workflow.local;

import dev.mysfits.console.Console;
import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.fakes.FakeContainerRunner;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowLogsWorkflowTest {
    private final FakeContainerRunner runner = new FakeContainerRunner();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false,
            OutputFormat.TEXT, () -> 0L);
    private final FollowLogsWorkflow workflow = new FollowLogsWorkflow(runner, new ConsoleEvents(console));

    @Test
    void runFollow_streamsOneContainer_asWritten_fromNow() {
        runner.logText.put("mysfits-ws-monolith", "GET /mysfits 200\npartial");

        FollowLogsResult result = workflow.execute(FollowLogsRequest.one("mysfits-ws-monolith", Duration.ofSeconds(5)));

        assertEquals("GET /mysfits 200\npartial", out.toString());
        assertEquals(List.of("mysfits-ws-monolith"), result.containers());
        assertEquals(0, runner.logQueries.get(0).tail());
        assertTrue(runner.logQueries.get(0).follow());
        assertTrue(err.toString().contains("Following the logs of mysfits-ws-monolith (Ctrl-C stops following; the container keeps running)"),
                err.toString());
    }

    @Test
    void upFollow_prefixesEveryWholeLine_withItsServiceAligned_fromTheLastTenLines() {
        runner.logText.put("mysfits-ws-db", "ready\n");
        runner.logText.put("mysfits-ws-frontend", "GET / 200\nGET /x 404\n");
        UpResult up = new UpResult(List.of(new UpResult.Service("db", "mysfits-ws-db", "mysql:8", "started", null),
                new UpResult.Service("frontend", "mysfits-ws-frontend", "frontend:latest", "started", "http://127.0.0.1:80/")));

        FollowLogsResult result = workflow.execute(FollowLogsRequest.all(up, Duration.ofSeconds(5)));

        List<String> lines = out.toString().lines().sorted().toList();
        assertEquals(List.of("db       | ready", "frontend | GET / 200", "frontend | GET /x 404"), lines);
        assertEquals(List.of("mysfits-ws-db", "mysfits-ws-frontend"), result.containers());
        assertTrue(err.toString().contains("Following the logs of db, frontend (Ctrl-C stops following; the containers keep running)"),
                err.toString());
    }

    @Test
    void upFollow_asksForTheLastTenLines() {
        UpResult up = new UpResult(List.of(new UpResult.Service("web", "mysfits-ws-web", "web:latest", "started", null)));

        workflow.execute(FollowLogsRequest.all(up, Duration.ofSeconds(5)));

        assertEquals(10, runner.logQueries.get(0).tail());
        assertTrue(runner.logQueries.get(0).follow());
    }
}
