package dev.mysfits.workflow.autoscale;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeServiceAutoScaler;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutoscaleWorkflowTest {
    private static final ResourceNames NAMES = new ResourceNames("ws");
    private static final String RESOURCE = "service/ws/monolith";

    @TempDir
    Path dir;

    private final FakeServiceAutoScaler scaler = new FakeServiceAutoScaler();
    private final StringWriter err = new StringWriter();

    private AutoscaleWorkflow workflow(Ledger ledger) {
        Console console = new Console(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false, false,
                OutputFormat.TEXT, () -> 0L);
        return new AutoscaleWorkflow(scaler, ledger, new ConsoleEvents(console), "us-east-1");
    }

    private Ledger ledger() {
        return new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
    }

    private static AutoscaleRequest on(int min, int max, int cpu) {
        return new AutoscaleRequest(NAMES, "monolith", min, max, cpu, false, false);
    }

    private static AutoscaleRequest dry(AutoscaleRequest r) {
        return new AutoscaleRequest(r.names(), r.service(), r.min(), r.max(), r.cpuTarget(), r.off(), true);
    }

    private static AutoscaleRequest off() {
        return new AutoscaleRequest(NAMES, "monolith", 0, 0, 0, true, false);
    }

    @Test
    void execute_deployedService_registersTargetAndCpuPolicyAndRecordsBoth() {
        scaler.services.add("ws/monolith");
        Ledger ledger = ledger();

        AutoscaleResult result = workflow(ledger).execute(on(1, 4, 50));

        assertEquals(List.of("register service/ws/monolith 1-4", "put ws-monolith-cpu 50.0"), scaler.mutations);
        assertTrue(ledger.contains(ResourceType.SCALABLE_TARGET, RESOURCE));
        assertTrue(ledger.contains(ResourceType.SCALING_POLICY, result.policyArn()));
        assertEquals(RESOURCE, result.resourceId());
    }

    @Test
    void execute_sameValuesTwice_secondRunChangesNothing() {
        scaler.services.add("ws/monolith");
        workflow(ledger()).execute(on(1, 4, 50));
        scaler.mutations.clear();

        AutoscaleResult second = workflow(ledger()).execute(on(1, 4, 50));

        assertEquals(List.of(), scaler.mutations);
        assertTrue(second.changes().stream().noneMatch(c -> c.mutates()), second.changes().toString());
        assertTrue(second.policyArn().endsWith("policyName/ws-monolith-cpu"), second.policyArn());
    }

    @Test
    void execute_newBoundsAndTarget_updatesBoth() {
        scaler.services.add("ws/monolith");
        workflow(ledger()).execute(on(1, 4, 50));
        scaler.mutations.clear();

        workflow(ledger()).execute(on(2, 6, 70));

        assertEquals(List.of("register service/ws/monolith 2-6", "put ws-monolith-cpu 70.0"), scaler.mutations);
        assertTrue(err.toString().contains("min 1 → 2, max 4 → 6"), err.toString());
    }

    @Test
    void execute_serviceNotDeployed_isPreconditionAndCreatesNothing() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow(ledger()).execute(on(1, 4, 50)));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("no ECS service monolith in cluster ws"), e.getMessage());
        assertTrue(e.hint().startsWith("deploy monolith first"), e.hint());
        assertEquals(List.of(), scaler.mutations);
    }

    @Test
    void execute_minAboveMax_isUsageErrorBeforeAnyLook() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow(ledger()).execute(on(5, 2, 50)));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("--min 5 is more than --max 2", e.getMessage());
    }

    @Test
    void execute_negativeMin_isUsageError() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow(ledger()).execute(on(-1, 2, 50)));
        assertEquals("--min -1 is negative", e.getMessage());
    }

    @Test
    void execute_cpuTargetOutOfRange_isUsageError() {
        assertThrows(MysfitsException.class, () -> workflow(ledger()).execute(on(1, 2, 0)));
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow(ledger()).execute(on(1, 2, 101)));
        assertEquals("--cpu-target 101 is not a percentage from 1 to 100", e.getMessage());
    }

    @Test
    void execute_dryRun_looksButChangesNothing() {
        scaler.services.add("ws/monolith");
        AutoscaleResult result = workflow(ledger()).execute(dry(on(1, 4, 50)));
        assertEquals(List.of(), scaler.mutations);
        assertTrue(result.changes().get(1).mutates());
        assertTrue(err.toString().contains("would create scalable target service/ws/monolith"), err.toString());
    }

    @Test
    void execute_off_deletesPolicyThenTargetAndForgetsThem() {
        scaler.services.add("ws/monolith");
        Ledger ledger = ledger();
        String arn = workflow(ledger).execute(on(1, 4, 50)).policyArn();
        scaler.mutations.clear();

        workflow(ledger).execute(off());

        assertEquals(List.of("delete ws-monolith-cpu", "deregister service/ws/monolith"), scaler.mutations);
        assertFalse(ledger.contains(ResourceType.SCALING_POLICY, arn));
        assertFalse(ledger.contains(ResourceType.SCALABLE_TARGET, RESOURCE));
    }

    @Test
    void execute_offWhenAlreadyOff_changesNothing() {
        AutoscaleResult result = workflow(ledger()).execute(off());
        assertEquals(List.of(), scaler.mutations);
        assertFalse(result.enabled());
    }
}
