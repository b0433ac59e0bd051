package dev.mysfits.docker;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.Durations;
import dev.mysfits.core.MysfitsException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds every Docker call by a wall-clock timeout. The transport's read timeout only fires on inactivity,
 * so a daemon that trickles bytes, or a silent long RUN step, would otherwise hold the CLI forever.
 */
final class DockerCalls {
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "docker-call");
        thread.setDaemon(true);
        return thread;
    });

    private final String dockerHost;

    DockerCalls(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    String host() {
        return dockerHost;
    }

    <T> T call(String what, Duration timeout, Callable<T> call) {
        Future<T> future = CALLS.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(what, timeout);
        } catch (ExecutionException e) {
            throw DockerErrors.wrap(what, dockerHost, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    void run(String what, Duration timeout, Runnable call) {
        call(what, timeout, () -> {
            call.run();
            return null;
        });
    }

    /** Waits for a streaming call; closes it on timeout or interrupt so the daemon stops sending. */
    void await(String what, Duration timeout, StreamCallback<?> callback) {
        awaitCompletion(what, timeout, callback);
        if (callback.failure() != null) {
            throw DockerErrors.wrap(what, dockerHost, callback.failure());
        }
    }

    /** Waits for the stream to end; errors it carried are left for the caller to read. */
    void awaitCompletion(String what, Duration timeout, StreamCallback<?> callback) {
        try {
            boolean completed;
            try {
                completed = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException streamFailed) {
                // docker-java rethrows the stream's error here; StreamCallback kept it for the caller to judge.
                completed = true;
            }
            if (!completed) {
                closeQuietly(callback);
                throw timedOut(what, timeout);
            }
        } catch (InterruptedException e) {
            closeQuietly(callback);
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // best effort: we are already failing or done
        }
    }

    private static MysfitsException timedOut(String what, Duration timeout) {
        return MysfitsException.timeout("docker " + what + ": no result within " + Durations.format(timeout),
                "check that the Docker daemon is healthy (docker info), or pass a longer --timeout");
    }

    private static MysfitsException interrupted(InterruptedException e) {
        return new MysfitsException(ExitCode.INTERRUPTED, "interrupted", "run the same command again", e);
    }
}
