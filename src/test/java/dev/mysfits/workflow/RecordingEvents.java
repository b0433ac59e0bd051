package dev.mysfits.workflow;

import dev.mysfits.core.Change;

import java.util.ArrayList;
import java.util.List;

/** Events kept as lines ("stage: ...", "made: ...", "warn: ..."), so a workflow test asserts them without a console. */
public final class RecordingEvents implements Events {
    private final List<String> lines = new ArrayList<>();
    private final List<Progress> progress = new ArrayList<>();

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<Progress> progress() {
        return List.copyOf(progress);
    }

    /** The lines of one kind, without their prefix: of("made") gives what was made. */
    public synchronized List<String> of(String kind) {
        return lines.stream().filter(l -> l.startsWith(kind + ": ")).map(l -> l.substring(kind.length() + 2)).toList();
    }

    @Override
    public synchronized void started(String title, boolean dryRun) {
        lines.add("started: " + title + (dryRun ? " (dry run)" : ""));
    }

    @Override
    public synchronized void finished(Change change, boolean dryRun) {
        lines.add("step: " + change.describe());
    }

    @Override
    public synchronized void failed(String step) {
        lines.add("failed: " + step);
    }

    @Override
    public synchronized void stage(String title) {
        lines.add("stage: " + title);
    }

    @Override
    public synchronized void note(String fact) {
        lines.add("note: " + fact);
    }

    @Override
    public synchronized void made(String what) {
        lines.add("made: " + what);
    }

    @Override
    public synchronized void done(String outcome) {
        lines.add("done: " + outcome);
    }

    @Override
    public synchronized void warn(String warning) {
        lines.add("warn: " + warning);
    }

    @Override
    public synchronized void progress(Progress step) {
        progress.add(step);
    }

    @Override
    public synchronized void output(String text) {
        lines.add("output: " + text);
    }

    @Override
    public synchronized void log(LogEntry entry) {
        lines.add("log: " + entry.label() + " | " + entry.message());
    }
}
