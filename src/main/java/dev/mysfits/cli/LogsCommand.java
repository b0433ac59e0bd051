package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.local.LocalLogsWorkflow;
import dev.mysfits.workflow.local.LogsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;

@Command(name = "logs",
        description = {
                "Show a service's logs on stdout.",
                "--local reads the container `mysfits run` started on the local engine."
        })
final class LogsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "A service of the workshop file, e.g. monolith.")
    String service;

    @Option(names = "--local", description = "Logs of the local container (from mysfits run).")
    boolean local;

    @Option(names = {"-f", "--follow"}, description = "Keep streaming new lines until Ctrl-C.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines (default: all).")
    Integer tail;

    @Override
    protected void execute() {
        if (tail != null && tail < 0) {
            throw MysfitsException.usage("--tail " + tail + " is negative", "pass --tail with 0 or more lines");
        }
        WorkshopConfig workshop = context().workshop();
        LogsRequest request = new LogsRequest(workshop.service(service), workshop.name(), follow, tail, Duration.ofSeconds(60));
        if (!local) {
            throw MysfitsException.usage("logs of deployed services are not available in this version",
                    "pass --local for the container mysfits run started");
        }
        new LocalLogsWorkflow(context().containerRunner(), console()).execute(request);
    }
}
