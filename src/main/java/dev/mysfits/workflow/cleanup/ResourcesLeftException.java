package dev.mysfits.workflow.cleanup;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;

/** Exit 1: a cleanup ended with resources left. It carries the result, so a script still reads what went and what stayed. */
public final class ResourcesLeftException extends MysfitsException {
    private final transient Object result;

    public ResourcesLeftException(String message, String hint, Object result) {
        super(ExitCode.FAILED, message, hint);
        this.result = result;
    }

    /** The cleanup's result: a {@link CleanupResult}, or a {@link LocalCleanupResult}. */
    public Object result() {
        return result;
    }
}
