package dev.mysfits.cli;

import dev.mysfits.console.LabRenderer;
import dev.mysfits.lab.LabLoader;
import dev.mysfits.workflow.lab.LabsRequest;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The labs: id, title, the page they follow, and how many steps passed their last check.")
final class LabListCommand extends BaseCommand {
    @Override
    protected void execute() {
        LabsRequest request = new LabsRequest(LabLoader.locate(context().environment().workingDirectory()), null);
        new LabRenderer(console()).renderList(context().workflows().labs().execute(request));
    }
}
