package dev.mysfits.core;

import java.time.Duration;

/** Waits between polls; tests pass one that does not really wait. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
