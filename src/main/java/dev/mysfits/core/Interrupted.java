package dev.mysfits.core;

/**
 * Ctrl-C reached a workflow while it waited. Unchecked, so every workflow keeps one entry signature; the interrupt
 * stays its cause, and the exception handler answers it with exit 130.
 */
public final class Interrupted extends RuntimeException {
    public Interrupted(InterruptedException cause) {
        super("interrupted", cause);
        Thread.currentThread().interrupt();
    }
}
