package dev.mysfits.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;

/** Builds with docker-java through the daemon's classic builder (no BuildKit: the API docker-java speaks). */
public final class DockerImageBuilder implements ImageBuilder {
    private static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final DockerCalls calls;

    public DockerImageBuilder(DockerClient docker, String dockerHost) {
        this.docker = docker;
        this.calls = new DockerCalls(dockerHost);
    }

    @Override
    public BuiltImage build(ImageBuildRequest request, BuildListener listener) {
        Path archive;
        try {
            archive = BuildContext.archive(request.contextDirectory(), request.dockerfile());
        } catch (IOException e) {
            throw MysfitsException.failed("cannot pack the build context " + request.contextDirectory() + ": " + e.getMessage(),
                    "check that the files in the context are readable", e);
        }
        try (InputStream context = Files.newInputStream(archive)) {
            return build(request, listener, context);
        } catch (IOException e) {
            throw MysfitsException.failed("cannot read the packed build context: " + e.getMessage(), null, e);
        } finally {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private BuiltImage build(ImageBuildRequest request, BuildListener listener, InputStream context) {
        BuildProgressParser parser = new BuildProgressParser(listener);
        BuildOptions options = request.options();
        BuildCallback callback = new BuildCallback(parser);
        BuildImageCmd command = docker.buildImageCmd(context)
                .withDockerfilePath(BuildContext.relative(request.contextDirectory(), request.dockerfile()))
                .withTags(new LinkedHashSet<>(options.tags()))
                .withLabels(request.labels())
                .withNoCache(options.noCache())
                .withRemove(true)
                // --force-rm: the failed step's container goes too, as BuildKit leaves none.
                .withForcerm(true);
        options.buildArgs().forEach(command::withBuildArg);
        try {
            command.exec(callback);
        } catch (RuntimeException e) {
            throw DockerErrors.wrap("build", calls.host(), e);
        }
        calls.awaitCompletion("build", options.timeout(), callback);
        parser.finish();
        Throwable failure = callback.failure();
        if (failure instanceof DockerException rejected) {
            // The daemon rejected the request itself, e.g. a Dockerfile it cannot parse.
            throw new ImageBuildFailedException(parser.currentStep(), DockerErrors.message(rejected), parser.tail());
        }
        if (failure != null) {
            throw DockerErrors.wrap("build", calls.host(), failure);
        }
        if (callback.error != null) {
            throw new ImageBuildFailedException(parser.currentStep(), DockerErrors.oneLine(callback.error), parser.tail());
        }
        String imageId = calls.call("image inspect " + options.tags().get(0), INSPECT_TIMEOUT,
                () -> docker.inspectImageCmd(options.tags().get(0)).exec().getId());
        return new BuiltImage(imageId, options.tags(), parser.cachedSteps(), parser.totalSteps());
    }

    /** Errors arrive as items inside an HTTP 200 stream, so they are read from the items, not from onError. */
    private static final class BuildCallback extends StreamCallback<BuildResponseItem> {
        private final BuildProgressParser parser;
        private volatile String error;

        BuildCallback(BuildProgressParser parser) {
            this.parser = parser;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            parser.accept(item.getStream());
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : "the daemon reported an error without details";
            }
        }
    }
}
