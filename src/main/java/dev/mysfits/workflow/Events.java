package dev.mysfits.workflow;

import dev.mysfits.core.StepListener;
import dev.mysfits.core.WaitProgress;

/**
 * Where a workflow says what happens while it works: its steps, its stages and facts, warnings, progress, and any
 * output the user asked to watch. The console renders them; a test can record them.
 */
public interface Events extends StepListener, WaitProgress {
    /** A stage of the work begins: "Building monolith". */
    void stage(String title);

    /** Something found or done on the way that the user should know. */
    void note(String fact);

    /** One thing was made or removed, as a step's ✔ line. */
    void made(String what);

    /** A stage ended well. */
    void done(String outcome);

    /** Something is wrong but the work goes on. */
    void warn(String warning);

    void progress(Progress progress);

    /** What the user asked to watch, as it comes: container or build logs. */
    void output(String text);

    /** A log line the user asked for, as it is read. */
    void log(LogEntry entry);

    @Override
    default void waiting(String key, String line) {
        progress(new Progress.Waiting(key, line));
    }

    @Override
    default void ready(String key, String line) {
        progress(new Progress.Ready(key, line));
    }
}
