package dev.mysfits.cli;

import dev.mysfits.console.LabRenderer;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.lab.Lab;
import dev.mysfits.lab.LabLoader;
import dev.mysfits.workflow.lab.LabCheckRequest;
import dev.mysfits.workflow.lab.LabCheckResult;
import dev.mysfits.workflow.lab.StepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a lab's steps (or one step) against what exists now, however it was done: with mysfits, the "
                + "docker and aws CLIs, or the console. Changes nothing.",
                "Prints ✔ or ✘ per probe, with the hint of each that failed; exit 1 when a step fails its check."})
final class LabCheckCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "LAB", description = "The lab's id, as lab list shows it (e.g. 004).")
    String lab;

    @Parameters(index = "1", arity = "0..1", paramLabel = "STEP", description = "One step's id (default: every step, in order).")
    String step;

    @Override
    protected void execute() {
        Lab chosen = new LabLoader().load(LabLoader.locate(context().environment().workingDirectory()), lab);
        if (step != null && chosen.step(step).isEmpty()) {
            throw MysfitsException.usage("lab " + lab + " has no step '" + step + "' (it has "
                    + String.join(", ", chosen.steps().stream().map(s -> s.id()).toList()) + ")", "see them with: mysfits lab show " + lab);
        }
        context().useWorkshopFile(chosen.workshop());
        LabCheckResult result = context().workflows().labCheck().execute(new LabCheckRequest(chosen, context().workshop(), step));
        new LabRenderer(console()).render(result);
        StepResult failed = result.steps().stream().filter(s -> !s.passed()).findFirst().orElse(null);
        if (failed != null) {
            throw new MysfitsException(ExitCode.FAILED, "lab " + lab + ": step " + failed.step() + " fails its check",
                    "the hints above say what to do; then run mysfits lab check " + lab + " " + failed.step() + " again");
        }
    }
}
