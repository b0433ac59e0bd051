package dev.mysfits.aws;

/** Something still uses the resource (ResourceInUse, DependencyViolation, DeleteConflict): retry later. */
public final class ResourceBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResourceBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
