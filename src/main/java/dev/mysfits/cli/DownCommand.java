package dev.mysfits.cli;

import dev.mysfits.console.LocalRenderer;
import dev.mysfits.workflow.local.DownRequest;
import dev.mysfits.workflow.local.DownResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "down",
        description = {
                "Stop and remove the containers `mysfits up` started, and the workshop's local network.",
                "Volumes and their data stay: `mysfits cleanup --local --volumes` removes them, after asking."
        },
        mixinStandardHelpOptions = true)
final class DownCommand extends BaseCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Only these services (default: all of them, and the network).")
    List<String> services = new ArrayList<>();

    @Override
    protected void execute() {
        DownResult result = context().workflows().down().execute(new DownRequest(context().workshop(), services));
        new LocalRenderer(console()).render(result);
    }
}
