package dev.mysfits.cli;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.console.BuildRenderer;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.push.PushRequest;
import dev.mysfits.workflow.push.PushResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG",
            description = "A tag of the local image to push; repeatable (default: every tag that <image>:latest carries,"
                    + " i.e. latest and the git SHA mysfits build gave it).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--repository", paramLabel = "NAME",
            description = "ECR repository name (default: the service's \"repository\" in mysfits.json).")
    String repository;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
            description = "Give up on a tag's push after this long, e.g. 90s, 15m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Override
    protected void execute() {
        AppContext context = context();
        ServiceConfig config = context.workshop().service(service.name());
        PushRequest request = new PushRequest(context.workshop().name(), config.name(), config.image(),
                repository != null ? repository : config.repository(), tags, timeout, dryRun.on());
        if (!dryRun.on()) {
            context.lockWorkshop("push " + service.name());
        }
        PushResult report = context.workflows().push().execute(request);
        new BuildRenderer(console()).render(report, dryRun.on());
    }
}
