package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.Table;
import dev.mysfits.workflow.inventory.LocalContainer;
import dev.mysfits.workflow.inventory.PsRequest;
import dev.mysfits.workflow.inventory.PsWorkflow;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "ps", mixinStandardHelpOptions = true,
        description = {"Show the workshop's local containers, the ones `mysfits run` and `mysfits up` started, running or not: "
                + "service, container, image, status, ports and the URL it answers on (like `docker ps -a`, for this workshop only).",
                "None is not an error: it says so on stderr, and prints nothing (or [] with --output json)."})
final class PsCommand extends BaseCommand {
    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        List<LocalContainer> containers = new PsWorkflow(context().docker().localInventory()).execute(new PsRequest(workshop));
        if (containers.isEmpty()) {
            console().info("no local containers of workshop " + workshop.name()
                    + ": mysfits run <service> or mysfits up starts them");
        }
        if (console().jsonOutput()) {
            console().json(containers);
            return;
        }
        if (containers.isEmpty()) {
            return;
        }
        Table table = new Table("SERVICE", "CONTAINER", "IMAGE", "STATUS", "PORTS", "URL");
        for (LocalContainer c : containers) {
            table.row(c.service(), c.container(), shortImage(c.image()), c.status(), c.ports().isEmpty() ? null : String.join(", ", c.ports()), c.url());
        }
        console().data(table.render());
    }

    /** An image whose tag has moved on shows as its id: 12 hex digits, as `docker ps` prints it. */
    private static String shortImage(String image) {
        return image != null && image.startsWith("sha256:") && image.length() > 19 ? image.substring(7, 19) : image;
    }
}
