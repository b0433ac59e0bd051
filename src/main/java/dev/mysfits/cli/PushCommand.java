package dev.mysfits.cli;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.push.PushReport;
import dev.mysfits.workflow.push.PushRequest;
import dev.mysfits.workflow.push.PushWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "push",
        description = {
                "Push a service's image to its ECR repository, creating the repository if it is missing.",
                "The login token goes to the Docker daemon for this push only: it is never printed or written to",
                "~/.docker/config.json. Prints <repositoryUri>@<digest> and the pushed tags."},
        mixinStandardHelpOptions = true)
public final class PushCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service to push, as named in mysfits.json.")
    String service;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG",
            description = "A tag of the local image to push; repeatable (default: every tag that <image>:latest carries,"
                    + " i.e. latest and the git SHA mysfits build gave it).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--repository", paramLabel = "NAME",
            description = "ECR repository name (default: the service's \"repository\" in mysfits.json).")
    String repository;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "Give up on a tag's push after this many seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--dry-run", description = "Show what would be created and pushed; change nothing.")
    boolean dryRun;

    @Override
    protected void execute() {
        if (timeoutSeconds < 1) {
            throw MysfitsException.usage("--timeout must be at least 1 second, got " + timeoutSeconds, "pass --timeout 900");
        }
        AppContext context = context();
        ServiceConfig config = context.workshop().service(service);
        PushRequest request = new PushRequest(context.workshop().name(), config.name(), config.image(),
                repository != null ? repository : config.repository(), tags, Duration.ofSeconds(timeoutSeconds));
        if (!dryRun) {
            context.lockWorkshop("push " + service);
        }
        PushReport report = new PushWorkflow(console(), context.ledger(), context.aws().imageRegistry(),
                context.docker().imagePusher(), context.docker().registryManifests())
                .execute(request, dryRun);
        print(report);
    }

    private void print(PushReport report) {
        if (dryRun) {
            return;
        }
        if (console().jsonOutput()) {
            console().json(report);
        } else {
            console().data(report.repositoryUri() + "@" + report.digest());
            report.tags().forEach(tag -> console().data(report.repositoryUri() + ":" + tag));
        }
        console().success("pushed " + service + " to " + report.repositoryUri());
        console().nextSteps("mysfits setup", "mysfits deploy " + service + " --fargate");
    }
}
