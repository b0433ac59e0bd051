package dev.mysfits.workflow.local;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.docker.LogQuery;
import dev.mysfits.fakes.FakeContainerRunner;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLocalWorkflowTest {
    private static final String NAME = "mysfits-ws-monolith";
    private final FakeContainerRunner runner = new FakeContainerRunner();
    private final Set<Integer> takenPorts = new HashSet<>();
    private final List<OptionalInt> answers = new ArrayList<>();
    private final List<String> probed = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false,
            OutputFormat.TEXT, () -> 0L);
    private long now;
    private final RunLocalWorkflow workflow = new RunLocalWorkflow(runner, port -> !takenPorts.contains(port), url -> {
        probed.add(url.toString());
        return answers.isEmpty() ? OptionalInt.empty() : answers.remove(0);
    }, new ConsoleEvents(console), d -> now += d.toNanos(), () -> now);

    private final ServiceConfig service = new ServiceConfig("monolith", Path.of("/ws/samples/monolith-service"), "Dockerfile",
            "monolith-service", "mysfits/monolith-service", 80, 8000, "/health", "/", Map.of("A", "config", "B", "config"),
            Map.of(), Map.of(), dev.mysfits.config.HealthCheckConfig.WORKSHOP);

    private RunRequest request(int port, Map<String, String> env, String tag) {
        return new RunRequest(service, "ws", port, env, tag, Duration.ofSeconds(5));
    }

    @Test
    void run_startsLabelledContainer_mergesEnvironment_waitsForHealth() {
        runner.images.add("monolith-service:latest");
        answers.addAll(List.of(OptionalInt.empty(), OptionalInt.of(503), OptionalInt.of(200)));

        RunResult result = workflow.execute(request(8000, Map.of("B", "cli", "C", "cli"), null));

        assertEquals("http://127.0.0.1:8000/health", result.url());
        // it returns once the service answers (then the command shows the URL), and follows no logs itself
        assertTrue(runner.logQueries.stream().noneMatch(LogQuery::follow), runner.logQueries.toString());
        var spec = runner.started.get(0);
        assertEquals(NAME, spec.name());
        assertEquals(8000, spec.hostPort());
        assertEquals(80, spec.containerPort());
        assertEquals(Map.of("A", "config", "B", "cli", "C", "cli"), spec.environment());
        assertEquals(Map.of("mysfits.workshop", "ws", "mysfits.service", "monolith"), spec.labels());
        assertEquals(3, probed.size());
    }

    @Test
    void run_tagOption_runsThatTag() {
        runner.images.add("monolith-service:v2");
        answers.add(OptionalInt.of(200));
        workflow.execute(request(8000, Map.of(), "v2"));
        assertEquals("monolith-service:v2", runner.started.get(0).image());
    }

    @Test
    void run_imageNotBuilt_isPreconditionNamingBuild_andStartsNothing() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow.execute(request(8000, Map.of(), null)));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.hint().contains("mysfits build monolith"), e.hint());
        assertTrue(runner.started.isEmpty());
    }

    @Test
    void run_portTaken_isUsageErrorNamingPort_andKeepsExistingContainer() {
        runner.images.add("monolith-service:latest");
        runner.containers.put(NAME, new ContainerState("old", NAME, "monolith-service:latest", "running", null, List.of(9000)));
        takenPorts.add(8000);

        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow.execute(request(8000, Map.of(), null)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("port 8000"), e.getMessage());
        assertTrue(e.hint().contains("--port"), e.hint());
        assertTrue(runner.removed.isEmpty());
        assertTrue(runner.started.isEmpty());
    }

    @Test
    void rerun_portHeldByOwnOldContainer_replacesIt() {
        runner.images.add("monolith-service:latest");
        runner.containers.put(NAME, new ContainerState("old", NAME, "monolith-service:latest", "running", null, List.of(8000)));
        takenPorts.add(8000);
        answers.add(OptionalInt.of(200));

        workflow.execute(request(8000, Map.of(), null));

        assertEquals(List.of(NAME), runner.removed);
        assertEquals(1, runner.started.size());
        assertTrue(runner.containers.get(NAME).id().startsWith("id"));
    }

    @Test
    void neverHealthy_timesOut_showsLastLogLines() {
        runner.images.add("monolith-service:latest");
        runner.logText.put(NAME, "booting\nstill booting\n");
        answers.add(OptionalInt.of(500));

        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow.execute(request(8000, Map.of(), null)));

        assertEquals(ExitCode.TIMEOUT, e.exitCode());
        assertTrue(e.getMessage().contains("within 5s"), e.getMessage());
        assertTrue(err.toString().contains("| still booting"), err.toString());
        assertTrue(out.toString().isEmpty(), "no URL on stdout when it never became healthy");
    }

    @Test
    void containerExits_failsFast_withExitCodeAndLogs() {
        runner.images.add("monolith-service:latest");
        runner.statusAfterStart = "exited";
        runner.logText.put(NAME, "Traceback: boom\n");

        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow.execute(request(8000, Map.of(), null)));

        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("exit code 1"), e.getMessage());
        assertTrue(err.toString().contains("Traceback: boom"), err.toString());
        assertTrue(now < Duration.ofSeconds(1).toNanos(), "did not wait for the timeout");
    }

    @Test
    void stop_missingContainer_isNothingToStop() {
        StopResult result = new StopLocalWorkflow(runner, new ConsoleEvents(console)).execute(new StopRequest(service, "ws"));
        assertEquals(false, result.stopped());
        assertTrue(err.toString().contains("nothing to stop"), err.toString());
    }

    @Test
    void logs_missingContainer_isPreconditionNamingRun() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> new LocalLogsWorkflow(runner, new ConsoleEvents(console))
                .execute(new LogsRequest(service, "ws", false, null, Duration.ofSeconds(5))));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.hint().contains("mysfits run monolith"), e.hint());
    }

    @Test
    void logs_passTailAndFollow_toStdout() {
        runner.containers.put(NAME, new ContainerState("c", NAME, "i", "running", null, List.of(8000)));
        runner.logText.put(NAME, "GET /mysfits 200\n");
        new LocalLogsWorkflow(runner, new ConsoleEvents(console)).execute(new LogsRequest(service, "ws", true, 5, Duration.ofSeconds(5)));
        assertEquals("GET /mysfits 200\n", out.toString());
        assertEquals(5, runner.logQueries.get(0).tail());
        assertTrue(runner.logQueries.get(0).follow());
    }
}
