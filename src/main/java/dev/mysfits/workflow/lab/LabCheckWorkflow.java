package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.lab.Lab;
import dev.mysfits.lab.LabProgress;
import dev.mysfits.lab.LabStep;
import dev.mysfits.lab.Probe;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `mysfits lab check ID [STEP]`: runs each probe of the step asked (or of every step, in order) against what exists
 * now, however the attendee made it, and keeps each step's outcome in the workshop's lab progress. It only reads.
 *
 * A missing precondition (no AWS credentials, no Docker engine) fails the probes that need it, with its reason as
 * their detail, and the check goes on with the rest; only when no probe at all could be checked is it the error.
 */
public final class LabCheckWorkflow implements Workflow<LabCheckRequest, LabCheckResult> {
    private final Probes probes;
    private final Events events;
    private final Clock clock;

    public LabCheckWorkflow(Probes probes, Events events, Clock clock) {
        this.probes = probes;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public LabCheckResult execute(LabCheckRequest request) {
        Lab lab = request.lab();
        WorkshopConfig workshop = request.workshop();
        List<LabStep> steps = request.step() == null ? lab.steps() : List.of(lab.step(request.step()).orElseThrow(() ->
                MysfitsException.usage("lab " + lab.id() + " has no step '" + request.step() + "': its steps are "
                        + String.join(", ", lab.steps().stream().map(LabStep::id).toList()), "run mysfits lab show " + lab.id())));
        List<StepResult> results = new ArrayList<>();
        MysfitsException firstPrecondition = null;
        int checked = 0;
        for (LabStep step : steps) {
            events.stage("Checking step " + step.id() + " of lab " + lab.id());
            List<ProbeResult> probeResults = new ArrayList<>();
            for (Probe probe : step.check()) {
                String description = probes.describe(probe, workshop);
                try {
                    Optional<String> problem = probes.problem(probe, workshop);
                    probeResults.add(new ProbeResult(Probes.kind(probe), description, problem.isEmpty(), problem.orElse(null), probe.hint()));
                    checked++;
                } catch (MysfitsException e) {
                    if (e.exitCode() == ExitCode.PRECONDITION && firstPrecondition == null) {
                        firstPrecondition = e;
                    }
                    if (e.exitCode() != ExitCode.PRECONDITION) {
                        checked++;
                    }
                    probeResults.add(new ProbeResult(Probes.kind(probe), description, false, reason(e), probe.hint()));
                }
            }
            results.add(new StepResult(step.id(), step.title(), probeResults));
        }
        if (checked == 0 && firstPrecondition != null) {
            throw firstPrecondition;
        }
        LabProgress progress = new LabProgress(LabProgress.defaultFile(workshop.directory()), clock);
        Map<String, Boolean> passed = new LinkedHashMap<>();
        results.forEach(result -> passed.put(result.step(), result.passed()));
        progress.record(lab.id(), passed);
        return new LabCheckResult(lab.id(), lab.title(), results);
    }

    private static String reason(MysfitsException e) {
        return e.getMessage() + (e.hint() == null || e.hint().isBlank() ? "" : " (" + e.hint() + ")");
    }
}
