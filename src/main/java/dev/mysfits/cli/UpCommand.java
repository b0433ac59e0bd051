package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.Table;
import dev.mysfits.net.HttpHealthProbe;
import dev.mysfits.net.SocketHostPorts;
import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.local.UpRequest;
import dev.mysfits.workflow.local.UpResult;
import dev.mysfits.workflow.local.EcrPullLogin;
import dev.mysfits.workflow.local.UpWorkflow;
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
        UpWorkflow workflow = new UpWorkflow(context().docker().containerRunner(), context().docker().imagePuller(),
                new EcrPullLogin(() -> context().aws().imageRegistry()), new SocketHostPorts(), new HttpHealthProbe(),
                events(), Sleeper.system(), System::nanoTime);
        UpResult result = workflow.execute(new UpRequest(workshop, services, timeout));
        if (console().jsonOutput()) {
            console().json(result.services());
        } else {
            Table table = new Table("SERVICE", "STATE", "URL");
            result.services().forEach(s -> table.row(s.service(), s.state(), s.url() == null ? "(inside the network only)" : s.url()));
            console().data(table.render());
        }
        if (follow) {
            workflow.follow(result, timeout);
        } else {
            console().nextSteps("mysfits logs <service> --local", "mysfits down");
        }
    }
}
