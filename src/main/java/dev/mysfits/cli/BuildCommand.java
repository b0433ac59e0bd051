package dev.mysfits.cli;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.BuildRenderer;
import dev.mysfits.workflow.image.BuildRequest;
import dev.mysfits.workflow.image.BuildResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "build",
        description = {
                "Build a service's image with the local Docker engine, like `docker build`.",
                "Tags default to IMAGE:latest and IMAGE:<git short sha> (with -dirty when tracked files changed).",
                "Prints the image id and tags on stdout; steps and cache use on stderr."
        },
        mixinStandardHelpOptions = true)
final class BuildCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG",
            description = "Tag instead of the defaults: a tag (v2) of the service's image, or NAME:TAG. Repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--build-arg", paramLabel = "KEY=VALUE",
            description = "A build argument, over the workshop file's buildArgs. Repeatable.")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    @Option(names = "--no-cache", description = "Build every step again instead of using the build cache.")
    boolean noCache;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "20m", converter = DurationConverter.class,
            description = "Give up when the whole build takes longer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        ServiceConfig config = workshop.service(service.name());
        BuildRequest request = new BuildRequest(config, workshop.name(), workshop.directory(),
                tags, buildArgs, noCache, timeout);
        BuildResult result = context().workflows().build().execute(request);
        // A service that runs beside others (it depends on one, or one depends on it) is started with up, not run.
        boolean together = !config.local().dependsOn().isEmpty() || workshop.services().values().stream()
                .anyMatch(s -> s.local().dependsOn().contains(service.name()));
        new BuildRenderer(console()).render(result, together);
    }
}
