package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.LocalRenderer;
import dev.mysfits.workflow.local.FollowLogsRequest;
import dev.mysfits.workflow.local.UpRequest;
import dev.mysfits.workflow.local.UpResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "up",
        description = {
                "Run several services together locally, each reachable by its name (the 003 lab's `docker run --link`). "
                        + "Starts them in dependsOn order on the workshop's own network, with their command, environment, "
                        + "volumes and memory limit, waits until each is healthy, and prints where they answer. Running it "
                        + "again leaves unchanged services alone.",
                "A service without \"context\" runs an image nobody builds here (the lab's mysql and nginx): when the "
                        + "engine does not have it, it is pulled first, layer by layer, with ECR's login for an image in "
                        + "the account's registry."
        },
        mixinStandardHelpOptions = true)
final class UpCommand extends BaseCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Services to start, with what they depend on (default: every service of the workshop file).")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--follow"}, description = "Stream every container's logs after they start, until Ctrl-C.")
    boolean follow;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long to wait for each service to be healthy (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        UpResult result = context().workflows().up().execute(new UpRequest(workshop, services, timeout));
        new LocalRenderer(console()).render(result, follow);
        if (follow) {
            context().workflows().followLogs().execute(FollowLogsRequest.all(result, timeout));
        }
    }
}
