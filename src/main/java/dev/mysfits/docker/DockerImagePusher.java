package dev.mysfits.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.mysfits.registry.RegistryCredentials;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@link ImagePusher} on docker-java. */
public final class DockerImagePusher implements ImagePusher {
    private final DockerClient docker;

    public DockerImagePusher(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public Optional<LocalImage> findLocalImage(String reference) {
        try {
            InspectImageResponse image = docker.inspectImageCmd(reference).exec();
            return Optional.of(new LocalImage(image.getId(),
                    image.getRepoTags() == null ? List.of() : List.copyOf(image.getRepoTags())));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw dockerFailure("docker inspect " + reference, e);
        }
    }

    @Override
    public void tag(String sourceReference, String repository, String tag) {
        try {
            docker.tagImageCmd(sourceReference, repository, tag).withForce().exec();
        } catch (RuntimeException e) {
            throw dockerFailure("docker tag " + sourceReference + " " + repository + ":" + tag, e);
        }
    }

    @Override
    public PushedTag push(String repository, String tag, RegistryCredentials credentials, PushListener listener,
                           Duration timeout) {
        String reference = repository + ":" + tag;
        PushStream stream = new PushStream(reference, listener);
        // Handed to the daemon in this request's X-Registry-Auth header only.
        AuthConfig auth = new AuthConfig()
                .withUsername(credentials.username())
                .withPassword(credentials.password())
                .withRegistryAddress(credentials.host());
        ResultCallback.Adapter<PushResponseItem> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PushResponseItem item) {
                ItemFields f = ItemFields.of(item);
                stream.accept(f.id, f.status, f.current, f.total, f.auxDigest, f.error);
            }
        };
        try {
            docker.pushImageCmd(repository).withTag(tag).withAuthConfig(auth).exec(callback);
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw MysfitsException.timeout("push " + reference + " did not finish within " + timeout.toSeconds() + " s",
                        "check the network to the registry, or pass a longer --timeout; a re-run skips layers already sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MysfitsException(ExitCode.INTERRUPTED, "push " + reference + " interrupted", null, e);
        } catch (MysfitsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw dockerFailure("docker push " + reference, e);
        } finally {
            closeQuietly(callback);
        }
        return stream.result();
    }

    /** The fields of a stream item that matter, null when absent. */
    private record ItemFields(String id, String status, Long current, Long total, String auxDigest, String error) {
        static ItemFields of(PushResponseItem item) {
            String error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage()
                    : item.isErrorIndicated() ? "the daemon reported an error without a message" : null;
            return new ItemFields(item.getId(), item.getStatus(),
                    item.getProgressDetail() == null ? null : item.getProgressDetail().getCurrent(),
                    item.getProgressDetail() == null ? null : item.getProgressDetail().getTotal(),
                    item.getAux() == null ? null : item.getAux().getDigest(),
                    error);
        }
    }

    static MysfitsException dockerFailure(String doing, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && !(e instanceof DockerException)) {
                return new MysfitsException(ExitCode.PRECONDITION, doing + ": cannot reach the Docker daemon: " + t.getMessage(),
                        "start Docker (for the sandbox: scripts/sandbox up) or point DOCKER_HOST at a running daemon", e);
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return new MysfitsException(ExitCode.FAILED, doing + ": " + message.lines().findFirst().orElse(message), null, e);
    }

    private static void closeQuietly(ResultCallback.Adapter<PushResponseItem> callback) {
        try {
            callback.close();
        } catch (IOException ignored) {
            // the stream is over either way
        }
    }
}
