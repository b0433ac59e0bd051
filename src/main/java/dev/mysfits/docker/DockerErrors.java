package dev.mysfits.docker;

import com.github.dockerjava.api.exception.DockerException;
import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;

/** Turns docker-java failures into MysfitsExceptions with context; an unreachable daemon is a missing precondition. */
public final class DockerErrors {
    public static final String START_DOCKER_HINT = "start Docker (scripts/sandbox up) or fix DOCKER_HOST";

    private DockerErrors() {
    }

    public static MysfitsException wrap(String what, String dockerHost, Throwable error) {
        if (error instanceof MysfitsException known) {
            return known;
        }
        if (unreachable(error)) {
            return new MysfitsException(dev.mysfits.core.ExitCode.PRECONDITION,
                    "docker " + what + ": the Docker daemon is not reachable at " + dockerHost + " (" + rootMessage(error) + ")",
                    START_DOCKER_HINT, error);
        }
        return MysfitsException.failed("docker " + what + ": " + message(error),
                "that is the Docker engine's answer; --debug shows the whole of it", error);
    }

    /** The daemon's own words, on one line. */
    public static String message(Throwable error) {
        String text = error instanceof DockerException docker && docker.getMessage() != null
                ? docker.getMessage().replaceFirst("^Status \\d+: ", "")
                : rootMessage(error);
        text = text.replaceAll("\\{\"message\":\"(.*)\"}\\s*$", "$1");
        return oneLine(text);
    }

    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof NoSuchFileException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage();
                if (m.contains("Connection refused") || m.contains("No such file or directory")
                        || m.contains("connect timed out") || m.contains("Connect timed out")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return oneLine(m == null || m.isBlank() ? root.getClass().getSimpleName() : m);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
