package dev.mysfits.cli;

import dev.mysfits.console.LabRenderer;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.lab.Lab;
import dev.mysfits.lab.LabLoader;
import dev.mysfits.workflow.lab.LabRunRequest;
import dev.mysfits.workflow.lab.LabRunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a lab: each step's mysfits commands, then its check, in order. Stops at the first step whose "
                + "command or check fails, with the check's hints; run it again with --from that step.",
                "Steps that make AWS resources which cost money (marked $ in lab show) need --yes; the lab's last step "
                        + "cleans up. The commands' own output goes to stderr; stdout has the checks (or JSON)."})
final class LabRunCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "LAB", description = "The lab's id, as lab list shows it (e.g. 004).")
    String lab;

    @Option(names = "--from", paramLabel = "STEP", description = "Start at this step (default: the first).")
    String from;

    @Option(names = "--to", paramLabel = "STEP", description = "Stop after this step (default: the last, the cleanup).")
    String to;

    @Option(names = "--yes", description = "Run steps that make AWS resources which cost money while they exist.")
    boolean yes;

    @Override
    protected void execute() {
        Lab chosen = new LabLoader().load(LabLoader.locate(context().environment().workingDirectory()), lab);
        context().useWorkshopFile(chosen.workshop());
        MysfitsCommand root = (MysfitsCommand) spec.root().userObject();
        LabRunResult result = context().workflows().labRun(root::runNested)
                .execute(new LabRunRequest(chosen, context().workshop(), from, to, yes));
        new LabRenderer(console()).render(result);
        if (!result.passed()) {
            throw new MysfitsException(ExitCode.FAILED, "lab " + lab + ": step " + result.stoppedAt() + " fails its check",
                    "the hints above say what to do; then run mysfits lab run " + lab + " --from " + result.stoppedAt());
        }
    }
}
