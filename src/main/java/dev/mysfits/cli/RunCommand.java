package dev.mysfits.cli;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.LocalRenderer;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.local.FollowLogsRequest;
import dev.mysfits.workflow.local.RunRequest;
import dev.mysfits.workflow.local.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "run",
        description = {
                "Run a service's image locally and wait until its health path answers.",
                "Like `docker run -d -p HOST:CONTAINER -e K=V --name`; replaces the service's previous local container.",
                "Prints the URL on stdout."
        },
        mixinStandardHelpOptions = true)
final class RunCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = {"-p", "--port"}, paramLabel = "HOST_PORT",
            description = "Host port to publish (default: the service's localPort).")
    Integer port;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
            description = "An environment variable, over the workshop file's environment. Repeatable.")
    Map<String, String> environment = new LinkedHashMap<>();

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Run this tag (default: latest).")
    String tag;

    @Option(names = {"-f", "--follow"}, description = "Stream the container's logs after it starts, until Ctrl-C.")
    boolean follow;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for the health path to answer 2xx (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    protected void execute() {
        if (port != null && (port < 1 || port > 65535)) {
            throw MysfitsException.usage("--port " + port + " is not a port number", "pass a port from 1 to 65535");
        }
        WorkshopConfig workshop = context().workshop();
        ServiceConfig config = workshop.service(service.name());
        RunRequest request = new RunRequest(config, workshop.name(), port == null ? config.localPort() : port,
                environment, tag, timeout);
        RunResult result = context().workflows().runLocal().execute(request);
        new LocalRenderer(console()).render(result, follow);
        if (follow) {
            context().workflows().followLogs().execute(FollowLogsRequest.one(result.container(), timeout));
        }
    }
}
