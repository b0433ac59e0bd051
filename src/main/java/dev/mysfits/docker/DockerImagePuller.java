package dev.mysfits.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.registry.RegistryCredentials;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** {@link ImagePuller} on docker-java. */
public final class DockerImagePuller implements ImagePuller {
    private final DockerClient docker;

    public DockerImagePuller(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public void pull(String reference, RegistryCredentials credentials, Listener listener, Duration timeout) {
        AtomicReference<String> streamError = new AtomicReference<>();
        // Errors can arrive as an item inside a successful answer: kept, and raised once the stream ends.
        ResultCallback.Adapter<PullResponseItem> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                    streamError.compareAndSet(null, item.getErrorDetail().getMessage());
                } else if (item.isErrorIndicated()) {
                    streamError.compareAndSet(null, "the daemon reported an error without a message");
                } else if (item.getStatus() != null && item.getStatus().startsWith("Pulling from ")) {
                    listener.layer(null, item.getStatus(), null, null); // about the image, not a layer
                } else if (item.getId() != null && item.getStatus() != null) {
                    listener.layer(item.getId(), item.getStatus(),
                            item.getProgressDetail() == null ? null : item.getProgressDetail().getCurrent(),
                            item.getProgressDetail() == null ? null : item.getProgressDetail().getTotal());
                }
            }
        };
        try {
            var command = docker.pullImageCmd(reference);
            if (credentials != null) {
                command = command.withAuthConfig(new AuthConfig().withUsername(credentials.username())
                        .withPassword(credentials.password()).withRegistryAddress(credentials.host()));
            }
            command.exec(callback);
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw MysfitsException.timeout("pull " + reference + " did not finish within " + timeout.toSeconds() + " s",
                        "check the network to the registry, or pass a longer --timeout; a re-run keeps the layers already pulled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MysfitsException(ExitCode.INTERRUPTED, "pull " + reference + " interrupted", null, e);
        } catch (MysfitsException e) {
            throw e;
        } catch (NotFoundException e) {
            throw refused(e.getMessage(), Refusal.NOT_FOUND);
        } catch (UnauthorizedException e) {
            throw refused(e.getMessage(), Refusal.UNAUTHORIZED);
        } catch (RuntimeException e) {
            RefusedException refusal = classify(e.getMessage());
            if (refusal != null) {
                throw refusal;
            }
            throw DockerImagePusher.dockerFailure("docker pull " + reference, e);
        } finally {
            try {
                callback.close();
            } catch (IOException ignored) {
                // the stream is over either way
            }
        }
        if (streamError.get() != null) {
            RefusedException refusal = classify(streamError.get());
            if (refusal != null) {
                throw refusal;
            }
            throw MysfitsException.failed("docker pull " + reference + ": " + firstLine(streamError.get()), null, null);
        }
    }

    private static RefusedException refused(String message, Refusal refusal) {
        return new RefusedException(refusal, firstLine(message));
    }

    /** The daemon says why in words only: "manifest unknown", "no basic auth credentials", "unauthorized: ...". */
    static RefusedException classify(String message) {
        if (message == null) {
            return null;
        }
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("no basic auth credentials") || text.contains("unauthorized") || text.contains("authentication required")
                || text.contains("denied")) {
            return refused(message, Refusal.UNAUTHORIZED);
        }
        if (text.contains("manifest unknown") || text.contains("not found") || text.contains("name unknown")
                || text.contains("does not exist")) {
            return refused(message, Refusal.NOT_FOUND);
        }
        if (text.contains("no such host") || text.contains("dial tcp") || text.contains("i/o timeout")
                || text.contains("connection refused") || text.contains("tls handshake timeout")) {
            return refused(message, Refusal.UNREACHABLE);
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String stripped = message.strip();
        // docker-java prefixes the HTTP status and wraps the daemon's JSON: keep the daemon's words.
        int at = stripped.indexOf("{\"message\":\"");
        if (at >= 0) {
            String inner = stripped.substring(at + 12);
            int end = inner.lastIndexOf("\"}");
            stripped = (end > 0 ? inner.substring(0, end) : inner).replace("\\\"", "\"");
        }
        return stripped.lines().findFirst().orElse(stripped);
    }
}
