package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.DurationText;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.local.LogsRequest;
import dev.mysfits.workflow.logs.CloudLogsWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

@Command(name = "logs",
        description = {
                "Show a service's logs on stdout.",
                "Deployed services: the awslogs streams in CloudWatch Logs, interleaved by time, each line",
                "prefixed with its task id. --local reads the container `mysfits run` started on the local engine."
        },
        mixinStandardHelpOptions = true)
final class LogsCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = "--local", description = "Logs of the local container (from mysfits run).")
    boolean local;

    @Option(names = {"-f", "--follow"}, description = "Keep streaming new lines until Ctrl-C.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", description = "With --local: only the last N lines (default: all).")
    Integer tail;

    @Option(names = "--since", paramLabel = "AGE", defaultValue = "10m",
            description = "CloudWatch: lines newer than this, e.g. 30s, 10m, 2h, 1d (default: ${DEFAULT-VALUE}).")
    String since;

    @Override
    protected void execute() {
        if (tail != null && tail < 0) {
            throw MysfitsException.usage("--tail " + tail + " is negative", "pass --tail with 0 or more lines");
        }
        WorkshopConfig workshop = context().workshop();
        workshop.service(service.name());
        if (local) {
            LogsRequest request = new LogsRequest(workshop.service(service.name()), workshop.name(), follow, tail, Duration.ofSeconds(60));
            context().workflows().localLogs().execute(request);
            return;
        }
        if (tail != null) {
            throw MysfitsException.usage("--tail works with --local only", "use --since to limit CloudWatch logs");
        }
        Duration age = DurationText.parse("--since", since);
        context().workflows().cloudLogs().execute(new CloudLogsWorkflow.Request(new ResourceNames(workshop.name()), service.name(), age, follow));
    }
}
