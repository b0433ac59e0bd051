package dev.mysfits.cli;

import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.deploy.DeployAdapters;
import dev.mysfits.workflow.scale.ScaleRequest;
import dev.mysfits.workflow.scale.ScaleResult;
import dev.mysfits.workflow.scale.ScaleWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.Duration;

@Command(name = "scale", mixinStandardHelpOptions = true, description = "Set a deployed service's number of tasks and wait until it is stable.")
public final class ScaleCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service, as named in mysfits.json.")
    String service;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Desired number of tasks.")
    int count;

    @Option(names = "--no-wait", description = "Do not wait for the service to become stable.")
    boolean noWait;

    @Option(names = "--timeout", defaultValue = "10m", converter = TimeoutConverter.class, paramLabel = "DURATION",
            description = "Give up waiting after this long (exit 4) (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--poll-interval", defaultValue = "5s", converter = TimeoutConverter.class, hidden = true)
    Duration pollInterval;

    @Option(names = "--dry-run", description = "Show the change, make none.")
    boolean dryRun;

    @Override
    protected void execute() {
        if (count < 0) {
            throw MysfitsException.usage("--count must be 0 or more, got " + count, "pass --count 2");
        }
        AppContext app = context();
        DeployAdapters adapters = DeployAdapters.from(app.aws(), app.workshop());
        ScaleResult result = new ScaleWorkflow(adapters.containers(), adapters.router(), adapters.infrastructure(), console(),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()))
                .execute(app.workshop(), new ScaleRequest(service, count, !noWait, timeout, pollInterval, dryRun));
        if (console().jsonOutput()) {
            console().json(result);
        } else {
            console().data(result.service() + " " + result.running() + "/" + result.desired());
        }
        console().nextSteps("mysfits status " + service);
    }
}
