package dev.mysfits.docker;

import java.util.List;

/** The daemon refused or failed the build: which step, why, and the last lines the step printed. */
public final class ImageBuildFailedException extends RuntimeException {
    private final transient BuildStep failedStep;
    private final List<String> tail;
    private final String reason;

    public ImageBuildFailedException(BuildStep failedStep, String reason, List<String> tail) {
        super((failedStep == null ? "before the first step" : "at step " + failedStep.number() + "/" + failedStep.total()
                + " (" + failedStep.shortInstruction() + ")") + ": " + reason);
        this.failedStep = failedStep;
        this.reason = reason;
        this.tail = List.copyOf(tail);
    }

    /** Null when the build failed before any step ran (e.g. a Dockerfile syntax error). */
    public BuildStep failedStep() {
        return failedStep;
    }

    public String reason() {
        return reason;
    }

    public List<String> tail() {
        return tail;
    }
}
