package dev.mysfits.workflow.lab;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.lab.Lab;
import dev.mysfits.lab.LabStep;
import dev.mysfits.lab.Probe;
import dev.mysfits.workflow.RecordingEvents;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabRunWorkflowTest {
    private static final Path WORKSHOP = Path.of("/w/mysfits.json");
    private final List<List<String>> ran = new ArrayList<>();
    private final Set<String> failing = new HashSet<>();
    private final List<String> checked = new ArrayList<>();
    private final RecordingEvents events = new RecordingEvents();

    private static LabStep step(String id, boolean costs, String... solve) {
        return new LabStep(id, "do " + id, "section", List.of(solve),
                List.of(new Probe.File(id + ".txt", "write " + id + ".txt")), costs);
    }

    private final Lab lab = new Lab("009", "a lab", "009_0000000000000000.txt", WORKSHOP, List.of(
            step("write", false),
            step("build", false, "build inv --tag 0.1"),
            step("deploy", true, "deploy inv --fargate --path '/inv/*'"),
            step("clean-up", false, "cleanup --yes")), Path.of("labs/009.json"));

    private LabRunWorkflow workflow(int exit) {
        CommandRunner commands = (workshop, arguments) -> {
            assertEquals(WORKSHOP, workshop);
            ran.add(arguments);
            return exit;
        };
        return new LabRunWorkflow(commands, request -> {
            checked.add(request.step());
            boolean passed = !failing.contains(request.step());
            return new LabCheckResult(lab.id(), lab.title(), List.of(new StepResult(request.step(), "t",
                    List.of(new ProbeResult("file", request.step() + ".txt exists", passed, passed ? null : "no such file", "write it")))));
        }, events);
    }

    @Test
    void run_solvesAndChecksEachStepInOrder_withTheCommandsSplitAsAShellWould() {
        LabRunResult result = workflow(0).execute(new LabRunRequest(lab, null, null, null, true));

        assertTrue(result.passed());
        assertEquals(List.of(List.of("build", "inv", "--tag", "0.1"), List.of("deploy", "inv", "--fargate", "--path", "/inv/*"),
                List.of("cleanup", "--yes")), ran);
        assertEquals(List.of("write", "build", "deploy", "clean-up"), checked);
        assertEquals(List.of("Step 1/4 of lab 009, write: do write", "Step 2/4 of lab 009, build: do build",
                "Step 3/4 of lab 009, deploy: do deploy", "Step 4/4 of lab 009, clean-up: do clean-up"), events.of("stage"));
        assertEquals(List.of("$ mysfits build inv --tag 0.1", "$ mysfits deploy inv --fargate --path '/inv/*'",
                "$ mysfits cleanup --yes"), events.of("note"));
    }

    @Test
    void run_stopsAtTheFirstFailedCheck_andSolvesNothingAfterIt() {
        failing.add("build");

        LabRunResult result = workflow(0).execute(new LabRunRequest(lab, null, null, null, true));

        assertFalse(result.passed());
        assertEquals("build", result.stoppedAt());
        assertEquals(List.of("write", "build"), checked);
        assertEquals(1, ran.size());
        assertEquals("write it", result.steps().get(1).probes().get(0).hint());
    }

    @Test
    void run_aFailingCommand_stopsWithItsExitCode_beforeTheCheck() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow(3).execute(new LabRunRequest(lab, null, "build", null, true)));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("lab 009, step build: 'mysfits build inv --tag 0.1' exited 3", e.getMessage());
        assertTrue(e.hint().contains("mysfits lab run 009 --from build"), e.hint());
        assertTrue(checked.isEmpty());
    }

    @Test
    void run_stepsThatCostMoney_needYes_andNothingRunsWithoutIt() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow(0).execute(new LabRunRequest(lab, null, null, null, false)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("step deploy makes AWS resources"), e.getMessage());
        assertTrue(ran.isEmpty() && checked.isEmpty());

        LabRunResult upToBuild = workflow(0).execute(new LabRunRequest(lab, null, null, "build", false));
        assertNull(upToBuild.stoppedAt());
        assertEquals(List.of("write", "build"), checked);
    }

    @Test
    void run_fromAndTo_nameStepsOfTheLab_inOrder() {
        MysfitsException unknown = assertThrows(MysfitsException.class,
                () -> workflow(0).execute(new LabRunRequest(lab, null, "nope", null, true)));
        assertEquals("--from nope: lab 009 has no such step (it has write, build, deploy, clean-up)", unknown.getMessage());

        MysfitsException backwards = assertThrows(MysfitsException.class,
                () -> workflow(0).execute(new LabRunRequest(lab, null, "deploy", "build", true)));
        assertEquals(ExitCode.USAGE, backwards.exitCode());
        assertTrue(ran.isEmpty());
    }
}
