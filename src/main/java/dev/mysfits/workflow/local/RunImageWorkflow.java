package dev.mysfits.workflow.local;

import dev.mysfits.workflow.Events;
import dev.mysfits.core.ContainerOptions;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerSpec;
import dev.mysfits.docker.ImagePuller;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * `mysfits run-image`: the 004 lab's test container (`docker container run rxmllc/hello`). Pulls the image when the
 * engine lacks it, runs it once in the foreground with its output as it comes, and leaves no container behind.
 */
public final class RunImageWorkflow implements Workflow<RunImageRequest, RunImageResult> {
    /** Docker's reference grammar, loosely: lower-case path segments, an optional registry host, tag and digest. */
    private static final Pattern REFERENCE = Pattern.compile(
            "([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*"
                    + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?");
    static final String LABEL_ONE_OFF = "mysfits.one-off";

    private final ContainerRunner runner;
    private final PullImageStep pull;
    private final Events events;
    private final Supplier<String> containerNames;

    public RunImageWorkflow(ContainerRunner runner, ImagePuller puller, PullLogin login, Events events,
                            Supplier<String> containerNames) {
        this.runner = runner;
        this.pull = new PullImageStep(runner, puller, login, events);
        this.events = events;
        this.containerNames = containerNames;
    }

    /** Runs the image to its end; its output goes to the events as written, or into the result when the request collects it. */
    @Override
    public RunImageResult execute(RunImageRequest request) {
        String image = ImageReference.withTag(request.image());
        if (!REFERENCE.matcher(image).matches()) {
            throw MysfitsException.usage("\"" + request.image() + "\" is not an image name",
                    "name it as docker does: [registry/]name[:tag], lower case, e.g. rxmllc/hello or debian:bookworm-slim");
        }
        boolean pulled = false;
        if (!runner.imageExists(image)) {
            pull.pull(image, "", " (not on this engine)", "the IMAGE argument", "mysfits run-image " + request.image());
            pulled = true;
        }
        String name = containerNames.get();
        ContainerSpec spec = new ContainerSpec(name, image, 0, 0, request.environment(), Map.of(LABEL_ONE_OFF, "true"),
                null, List.of(), List.of(), new ContainerOptions(request.command(), 0, false, List.of()));
        StringBuilder collected = request.collectOutput() ? new StringBuilder() : null;
        int exitCode = runner.runToExit(spec, collected != null ? collected::append : events::output);
        return new RunImageResult(image, name, pulled, exitCode, collected == null ? null : collected.toString());
    }
}
