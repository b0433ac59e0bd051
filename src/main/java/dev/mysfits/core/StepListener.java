package dev.mysfits.core;

/**
 * Hears what a workflow's steps do, in order. Workflows report here instead of printing; the console renders it
 * (rich or plain), and a test can listen without a console.
 */
public interface StepListener {
    /** The workflow starts: its title, and whether this is a dry run. */
    void started(String title, boolean dryRun);

    /** A step looked and, unless this is a dry run, acted: what it planned or made. */
    void finished(Change change, boolean dryRun);

    /** A step failed; the error itself travels as an exception. */
    void failed(String step);
}
