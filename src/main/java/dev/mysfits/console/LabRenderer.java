package dev.mysfits.console;

import dev.mysfits.workflow.lab.LabCheckResult;
import dev.mysfits.workflow.lab.LabRunResult;
import dev.mysfits.workflow.lab.LabsResult;
import dev.mysfits.workflow.lab.ProbeResult;
import dev.mysfits.workflow.lab.StepResult;

import java.util.List;
import java.util.Locale;

/**
 * What the lab commands answer: the labs with their progress, a lab's steps, and a check's probes (✔ passed, ✘ failed
 * with its hint), as text or as JSON an instructor can collect from every attendee.
 */
public final class LabRenderer {
    private final Console console;

    public LabRenderer(Console console) {
        this.console = console;
    }

    public void renderList(LabsResult result) {
        if (console.jsonOutput()) {
            console.json(result.labs());
            return;
        }
        Table table = new Table("LAB", "PASSED", "TITLE", "PAGE");
        for (LabsResult.LabStatus lab : result.labs()) {
            table.row(lab.id(), lab.passed() + "/" + lab.steps().size(), lab.title(), lab.page());
        }
        console.data(table.render());
        console.nextSteps("mysfits lab show " + result.labs().get(0).id(), "mysfits lab check " + result.labs().get(0).id());
    }

    public void renderShow(LabsResult.LabStatus lab) {
        if (console.jsonOutput()) {
            console.json(lab);
            return;
        }
        Table table = new Table("STEP", "LAST CHECK", "TITLE", "MYSFITS");
        for (LabsResult.StepStatus step : lab.steps()) {
            String state = step.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            table.row(step.id(), step.checkedAt() == null ? state : state + " " + step.checkedAt(),
                    step.title() + (step.costsMoney() ? " ($)" : ""),
                    step.solve().isEmpty() ? "(by hand)" : String.join("; ", step.solve()));
        }
        console.data("lab " + lab.id() + ": " + lab.title() + " (workshop " + lab.workshop() + ")");
        console.data(table.render());
        console.nextSteps("mysfits lab check " + lab.id(), "mysfits lab run " + lab.id());
    }

    public void render(LabCheckResult result) {
        if (console.jsonOutput()) {
            console.json(result);
            return;
        }
        steps(result.steps());
        long passed = result.steps().stream().filter(StepResult::passed).count();
        if (result.passed()) {
            console.success("lab " + result.lab() + ": " + passed + " of " + result.steps().size() + " steps pass");
        } else {
            console.warn("lab " + result.lab() + ": " + passed + " of " + result.steps().size() + " steps pass");
        }
    }

    public void render(LabRunResult result) {
        if (console.jsonOutput()) {
            console.json(result);
            return;
        }
        steps(result.steps());
        if (result.passed()) {
            console.success("lab " + result.lab() + ": every step ran and passed its check");
        }
    }

    private void steps(List<StepResult> steps) {
        for (StepResult step : steps) {
            console.data((step.passed() ? console.paint("32", "✔") : console.paint("31", "✘")) + " " + step.step() + ": " + step.title());
            for (ProbeResult probe : step.probes()) {
                if (probe.passed()) {
                    console.data("    " + console.paint("32", "✔") + " " + probe.description());
                } else {
                    console.data("    " + console.paint("31", "✘") + " " + probe.description()
                            + (probe.detail() == null ? "" : ": " + probe.detail()));
                    console.data("      Hint: " + probe.hint());
                }
            }
        }
    }
}
