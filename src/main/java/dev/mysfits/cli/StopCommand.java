package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.LocalRenderer;
import dev.mysfits.workflow.local.StopRequest;
import dev.mysfits.workflow.local.StopResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stop",
        description = "Stop and remove the local container `mysfits run` started. Nothing to stop is not an error.",
        mixinStandardHelpOptions = true)
final class StopCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "A service of the workshop file, e.g. monolith.")
    String service;

    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        StopResult result = context().workflows().stopLocal().execute(new StopRequest(workshop.service(service), workshop.name()));
        new LocalRenderer(console()).render(result);
    }
}
