package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.InventoryRenderer;
import dev.mysfits.workflow.inventory.PsRequest;
import picocli.CommandLine.Command;

@Command(name = "ps", mixinStandardHelpOptions = true,
        description = {"Show the workshop's local containers, the ones `mysfits run` and `mysfits up` started, running or not: "
                + "service, container, image, status, ports and the URL it answers on (like `docker ps -a`, for this workshop only).",
                "None is not an error: it says so on stderr, and prints nothing (or [] with --output json)."})
final class PsCommand extends BaseCommand {
    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        new InventoryRenderer(console()).render(context().workflows().ps().execute(new PsRequest(workshop)));
    }
}
