package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.fakes.FakeContainerRunner;
import dev.mysfits.fakes.FakeLocalInventory;
import dev.mysfits.fakes.FakeLogReader;
import dev.mysfits.fakes.FakeRepositoryImages;
import dev.mysfits.lab.Lab;
import dev.mysfits.lab.LabProgress;
import dev.mysfits.lab.LabStep;
import dev.mysfits.lab.Probe;
import dev.mysfits.docker.LocalInventory.Image;
import dev.mysfits.workflow.RecordingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabCheckWorkflowTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final RecordingEvents events = new RecordingEvents();
    private final FakeContainerRunner runner = new FakeContainerRunner();
    private final FakeLocalInventory local = new FakeLocalInventory();
    private Supplier<ContainerRunner> docker = () -> runner;
    private WorkshopConfig workshop;
    private Lab lab;

    @BeforeEach
    void aLabOfThreeSteps() {
        workshop = LabWorkshops.trashCan(dir, 8080);
        lab = new Lab("004", "containerize inv", "004.txt", workshop.file(), List.of(
                new LabStep("dockerfile", "Write the Dockerfile", "3", List.of(), List.of(
                        new Probe.File("Dockerfile", "write a Dockerfile"),
                        new Probe.File(".dockerignore", "write a .dockerignore")), false),
                new LabStep("build", "Build the image", "3", List.of("build inv --tag 0.1"), List.of(
                        new Probe.Image("inv", "0.1", "local", "build it")), false),
                new LabStep("run", "Run it", "4", List.of("run inv --tag 0.1"), List.of(
                        new Probe.Container("inv", true, "start it")), false)),
                dir.resolve("labs/004.json"));
    }

    private LabCheckWorkflow workflow() {
        Probes probes = new Probes(
                new HttpProbes((method, url) -> { throw new AssertionError("no HTTP probe in this lab"); }, w -> () -> null),
                new ServiceProbes(() -> { throw new AssertionError("no service probe in this lab"); }),
                new ImageProbes(FakeRepositoryImages::new, () -> local),
                new ContainerProbes(() -> docker.get()),
                new LogProbes(FakeLogReader::new, () -> docker.get(), CLOCK),
                new ResourceProbes((type, name, cluster) -> false, w -> List.of()),
                new FileProbes());
        return new LabCheckWorkflow(probes, events, CLOCK);
    }

    private LabProgress progress() {
        return new LabProgress(LabProgress.defaultFile(dir), CLOCK);
    }

    @Test
    void oneStepIsCheckedAndRecordedAlone() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        LabCheckResult result = workflow().execute(new LabCheckRequest(lab, workshop, "dockerfile"));
        assertEquals("004", result.lab());
        assertEquals(List.of("dockerfile"), result.steps().stream().map(StepResult::step).toList());
        List<ProbeResult> probes = result.steps().get(0).probes();
        assertEquals(new ProbeResult("file", "Dockerfile exists in " + dir.getFileName(), true, null, "write a Dockerfile"), probes.get(0));
        assertEquals(new ProbeResult("file", ".dockerignore exists in " + dir.getFileName(), false,
                "no file " + dir.resolve(".dockerignore"), "write a .dockerignore"), probes.get(1));
        assertFalse(result.passed());
        assertEquals(Optional.of(new LabProgress.Mark(false, NOW.toString())), progress().mark("004", "dockerfile"));
        assertEquals(Optional.empty(), progress().mark("004", "build"));
        assertEquals(List.of("stage: Checking step dockerfile of lab 004"), events.lines());
    }

    @Test
    void everyStepIsCheckedInOrderAndEachOutcomeKept() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".dockerignore"), ".venv\n");
        local.images.add(new Image("sha256:1", List.of("trash-can/inv:0.1"), List.of(), 0, 1));
        LabCheckResult result = workflow().execute(new LabCheckRequest(lab, workshop, null));
        assertEquals(List.of("dockerfile", "build", "run"), result.steps().stream().map(StepResult::step).toList());
        assertEquals(List.of(true, true, false), result.steps().stream().map(StepResult::passed).toList());
        ProbeResult run = result.steps().get(2).probes().get(0);
        assertEquals("container", run.kind());
        assertEquals("start it", run.hint());
        assertEquals("no container mysfits-trash-can-inv (nor inv) on the local engine", run.detail());
        assertTrue(progress().mark("004", "dockerfile").orElseThrow().passed());
        assertTrue(progress().mark("004", "build").orElseThrow().passed());
        assertFalse(progress().mark("004", "run").orElseThrow().passed());
        assertEquals(List.of("stage: Checking step dockerfile of lab 004", "stage: Checking step build of lab 004",
                "stage: Checking step run of lab 004"), events.lines());
    }

    @Test
    void aLaterCheckReplacesTheStepsMark() {
        runner.containers.put("mysfits-trash-can-inv", new ContainerState("c1", "mysfits-trash-can-inv", "trash-can/inv:0.1",
                "running", null, List.of(8080)));
        assertTrue(workflow().execute(new LabCheckRequest(lab, workshop, "run")).passed());
        assertTrue(progress().mark("004", "run").orElseThrow().passed());
        runner.containers.clear();
        assertFalse(workflow().execute(new LabCheckRequest(lab, workshop, "run")).passed());
        assertFalse(progress().mark("004", "run").orElseThrow().passed());
    }

    @Test
    void aMissingEngineFailsItsProbesWithTheReasonAndTheRestIsChecked() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".dockerignore"), ".venv\n");
        docker = () -> {
            throw MysfitsException.precondition("cannot reach the Docker engine at unix:///var/run/docker.sock", "start Docker");
        };
        LabCheckResult result = workflow().execute(new LabCheckRequest(lab, workshop, null));
        assertTrue(result.steps().get(0).passed());
        ProbeResult run = result.steps().get(2).probes().get(0);
        assertFalse(run.passed());
        assertEquals("cannot reach the Docker engine at unix:///var/run/docker.sock (start Docker)", run.detail());
        assertEquals("inv's local container is running", run.description());
        assertFalse(progress().mark("004", "run").orElseThrow().passed());
    }

    @Test
    void whenNothingAtAllCanBeCheckedThePreconditionIsTheError() {
        docker = () -> {
            throw MysfitsException.precondition("cannot reach the Docker engine", "start Docker");
        };
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow().execute(new LabCheckRequest(lab, workshop, "run")));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("cannot reach the Docker engine", e.getMessage());
        assertEquals(Optional.empty(), progress().mark("004", "run"));
    }

    @Test
    void anUnknownStepIsAUsageErrorNamingTheSteps() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow().execute(new LabCheckRequest(lab, workshop, "push")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("lab 004 has no step 'push': its steps are dockerfile, build, run", e.getMessage());
        assertEquals(List.of(), events.lines());
        assertFalse(Files.exists(LabProgress.defaultFile(dir)));
    }

    @Test
    void aPassingProbeHasNoDetail() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        ProbeResult first = workflow().execute(new LabCheckRequest(lab, workshop, "dockerfile")).steps().get(0).probes().get(0);
        assertTrue(first.passed());
        assertNull(first.detail());
    }
}
