package dev.mysfits.workflow.local;

import java.time.Duration;

/** Waiting between polls; tests pass one that only advances a fake clock. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
