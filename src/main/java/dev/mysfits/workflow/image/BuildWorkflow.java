package dev.mysfits.workflow.image;

import dev.mysfits.workflow.Workflow;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.BuiltImage;
import dev.mysfits.docker.ImageBuildFailedException;
import dev.mysfits.docker.ImageBuildRequest;
import dev.mysfits.docker.ImageBuilder;
import dev.mysfits.docker.LocalContainers;
import dev.mysfits.git.SourceRevision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** `mysfits build`: checks the inputs, works out the tags, builds with progress, reports what came from cache. */
public final class BuildWorkflow implements Workflow<BuildRequest, BuildResult> {
    private final ImageBuilder builder;
    private final SourceRevision revision;
    private final Events events;
    private final LongSupplier nanoTime;

    public BuildWorkflow(ImageBuilder builder, SourceRevision revision, Events events, LongSupplier nanoTime) {
        this.builder = builder;
        this.revision = revision;
        this.events = events;
        this.nanoTime = nanoTime;
    }

    @Override
    public BuildResult execute(BuildRequest request) {
        ServiceConfig service = request.service();
        Path dockerfile = service.dockerfilePath();
        if (!Files.isDirectory(service.buildContext())) {
            throw MysfitsException.usage("build context " + service.context() + " of service '" + service.name()
                    + "' does not exist", "fix services." + service.name() + ".context in the workshop file");
        }
        if (!Files.isRegularFile(dockerfile)) {
            throw MysfitsException.usage("Dockerfile " + dockerfile + " of service '" + service.name() + "' does not exist",
                    "create it, or set services." + service.name() + ".dockerfile in the workshop file");
        }
        if (!dockerfile.toAbsolutePath().normalize().startsWith(service.context().toAbsolutePath().normalize())) {
            throw MysfitsException.usage("Dockerfile " + dockerfile + " is outside the build context " + service.context(),
                    "move it into the context directory");
        }
        List<String> tags = ImageTags.resolve(service.image(), request.options().tags(),
                request.options().tags().isEmpty() ? revision.current(request.workshopDirectory()) : java.util.Optional.empty());
        Map<String, String> buildArgs = new LinkedHashMap<>(service.buildArgs());
        buildArgs.putAll(request.options().buildArgs());

        events.stage("Building " + service.name() + " as " + String.join(", ", tags));
        long started = nanoTime.getAsLong();
        BuiltImage image;
        try {
            image = builder.build(new ImageBuildRequest(service.context(), dockerfile,
                    LocalContainers.labels(request.workshop(), service.name()), request.options().resolved(tags, buildArgs)),
                    new BuildEvents(events));
        } catch (ImageBuildFailedException e) {
            if (!e.tail().isEmpty()) {
                events.note("last lines of the failing step:");
                e.tail().forEach(line -> events.note("  | " + line));
            }
            throw MysfitsException.failed("build of " + service.name() + " failed " + e.getMessage(),
                    e.failedStep() == null ? "fix " + dockerfile.getFileName() + " and build again"
                            : "fix that step in " + dockerfile + " (its output is above) and build again", e);
        }
        double seconds = Math.round((nanoTime.getAsLong() - started) / 1e7) / 100.0;
        events.done("built " + service.name() + " in " + seconds + "s (" + image.cachedSteps() + " of "
                + image.totalSteps() + " steps from cache)");
        return new BuildResult(service.name(), image.imageId(), image.tags(), image.cachedSteps(), image.totalSteps(), seconds);
    }
}
