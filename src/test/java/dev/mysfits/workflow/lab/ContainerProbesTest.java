package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.fakes.FakeContainerRunner;
import dev.mysfits.lab.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContainerProbesTest {
    @TempDir
    Path dir;
    private final FakeContainerRunner runner = new FakeContainerRunner();
    private final ContainerProbes probes = new ContainerProbes(() -> runner);

    private WorkshopConfig workshop() {
        return LabWorkshops.trashCan(dir, 8080);
    }

    @Test
    void theContainerMysfitsRunStartedPasses() {
        runner.containers.put("mysfits-trash-can-inv", new ContainerState("c1", "mysfits-trash-can-inv", "trash-can/inv:0.1",
                "running", null, List.of(8080)));
        assertEquals(Optional.empty(), probes.problem(new Probe.Container("inv", true, "run it"), workshop()));
    }

    @Test
    void aContainerStartedByHandUnderTheServiceNamePasses() {
        runner.containers.put("inv", new ContainerState("c2", "inv", "trash-can/inv:0.1", "running", null, List.of(8080)));
        assertEquals(Optional.empty(), probes.problem(new Probe.Container("inv", true, "run it"), workshop()));
    }

    @Test
    void anExitedOrMissingContainerFails() {
        assertEquals(Optional.of("no container mysfits-trash-can-inv (nor inv) on the local engine"),
                probes.problem(new Probe.Container("inv", true, "run it"), workshop()));
        runner.containers.put("mysfits-trash-can-inv", new ContainerState("c1", "mysfits-trash-can-inv", "trash-can/inv:0.1",
                "exited", 1, List.of()));
        assertEquals(Optional.of("container mysfits-trash-can-inv is exited (exit code 1)"),
                probes.problem(new Probe.Container("inv", true, "run it"), workshop()));
    }

    @Test
    void anotherImageUnderTheServiceNameIsNotTheService() {
        runner.containers.put("inv", new ContainerState("c3", "inv", "nginx:latest", "running", null, List.of(80)));
        assertEquals(Optional.of("no container mysfits-trash-can-inv (nor inv) on the local engine"),
                probes.problem(new Probe.Container("inv", true, "run it"), workshop()));
        assertEquals(Optional.empty(), probes.problem(new Probe.Container("inv", false, "stop it"), workshop()));
    }

    @Test
    void runningFalsePassesWhenStoppedAndFailsWhileRunning() {
        runner.containers.put("mysfits-trash-can-inv", new ContainerState("c1", "mysfits-trash-can-inv", "trash-can/inv:0.1",
                "exited", 0, List.of()));
        assertEquals(Optional.empty(), probes.problem(new Probe.Container("inv", false, "stop it"), workshop()));
        runner.containers.put("mysfits-trash-can-inv", new ContainerState("c1", "mysfits-trash-can-inv", "trash-can/inv:0.1",
                "running", null, List.of(8080)));
        assertEquals(Optional.of("container mysfits-trash-can-inv is still running (trash-can/inv:0.1)"),
                probes.problem(new Probe.Container("inv", false, "stop it"), workshop()));
    }
}
