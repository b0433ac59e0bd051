package dev.mysfits.cli;

import dev.mysfits.console.LabRenderer;
import dev.mysfits.lab.LabLoader;
import dev.mysfits.workflow.lab.LabsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "A lab's steps in order, each with its commands and whether its last check passed, failed or never ran.")
final class LabShowCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "LAB", description = "The lab's id, as lab list shows it (e.g. 004).")
    String lab;

    @Override
    protected void execute() {
        LabsRequest request = new LabsRequest(LabLoader.locate(context().environment().workingDirectory()), lab);
        new LabRenderer(console()).renderShow(context().workflows().labs().execute(request).labs().get(0));
    }
}
