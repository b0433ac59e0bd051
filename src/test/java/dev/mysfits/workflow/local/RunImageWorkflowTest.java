package dev.mysfits.workflow.local;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.console.Console;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerSpec;
import dev.mysfits.docker.ImagePuller;
import dev.mysfits.fakes.FakeContainerRunner;
import dev.mysfits.fakes.FakeImagePuller;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunImageWorkflowTest {
    private final FakeContainerRunner engine = new FakeContainerRunner();
    private final FakeImagePuller registry = new FakeImagePuller(engine);
    private final StringWriter err = new StringWriter();
    private final StringWriter output = new StringWriter();
    private final Console console = new Console(new PrintWriter(output, true), new PrintWriter(err, true), false,
            false, OutputFormat.TEXT, () -> 0L);
    private final RunImageWorkflow workflow = new RunImageWorkflow(engine, registry, host -> java.util.Optional.empty(), new ConsoleEvents(console),
            () -> "mysfits-run-0a1b2c3d");

    @Test
    void aMissingImage_isPulledAsNameLatest_thenRunOnce_withItsOutputStreamed() {
        registry.serves("rxmllc/hello:latest", "9fb6c798fa41", "3b61febd4aef");
        engine.runOutput = " ____\n< RX-M >\n";

        RunImageResult result = workflow.execute(new RunImageRequest("rxmllc/hello", List.of(), Map.of()));

        assertEquals(List.of("rxmllc/hello:latest"), registry.pulls);
        assertTrue(err.toString().contains("Pulling rxmllc/hello:latest (not on this engine)"), err.toString());
        assertTrue(err.toString().contains("9fb6c798fa41: Pull complete"), err.toString());
        assertEquals(" ____\n< RX-M >\n", output.toString());
        assertEquals(new RunImageResult("rxmllc/hello:latest", "mysfits-run-0a1b2c3d", true, 0, null), result);
        ContainerSpec ran = engine.ranToExit.get(0);
        assertEquals("rxmllc/hello:latest", ran.image());
        assertEquals(0, ran.hostPort(), "nothing published");
        assertEquals(Map.of("mysfits.one-off", "true"), ran.labels());
    }

    @Test
    void aLocalImage_isNotPulled_andTheCommandAndEnvironmentReachTheContainer_andItsExitCodeIsKept() {
        engine.images.add("debian:bookworm-slim");
        engine.runExitCode = 3;

        RunImageResult result = workflow.execute(new RunImageRequest("debian:bookworm-slim", List.of("sh", "-c", "exit 3"),
                Map.of("GREETING", "hi")));

        assertTrue(registry.pulls.isEmpty());
        assertFalse(result.pulled());
        assertEquals(3, result.exitCode());
        assertEquals(List.of("sh", "-c", "exit 3"), engine.ranToExit.get(0).container().command());
        assertEquals(Map.of("GREETING", "hi"), engine.ranToExit.get(0).environment());
    }

    @Test
    void anInvalidName_isBadInput_andNothingIsPulledOrRun() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow.execute(new RunImageRequest("RXMLLC/Hello", List.of(), Map.of())));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("\"RXMLLC/Hello\" is not an image name", e.getMessage());
        assertTrue(registry.pulls.isEmpty());
        assertTrue(engine.ranToExit.isEmpty());
    }

    @Test
    void anImageNoRegistryHas_isAPreconditionNamingIt_andNothingRuns() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow.execute(new RunImageRequest("rxmllc/nope:2", List.of(), Map.of())));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot pull rxmllc/nope:2: Docker Hub has no such image"), e.getMessage());
        assertTrue(e.hint().startsWith("check the IMAGE argument, or push it first"), e.hint());
        assertTrue(engine.ranToExit.isEmpty());
    }

    @Test
    void anUnreachableRegistry_isAFailure() {
        registry.refused.put("rxmllc/hello:latest", ImagePuller.Refusal.UNREACHABLE);

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow.execute(new RunImageRequest("rxmllc/hello", List.of(), Map.of())));

        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot pull rxmllc/hello:latest: the Docker engine cannot reach Docker Hub"), e.getMessage());
    }
}
