package dev.mysfits.workflow.image;

import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Progress;
import dev.mysfits.docker.BuildListener;
import dev.mysfits.docker.BuildStep;

/** Tells the events each build step, the ones served from cache, and what the steps' commands print. */
final class BuildEvents implements BuildListener {
    private final Events events;

    BuildEvents(Events events) {
        this.events = events;
    }

    @Override
    public void stepStarted(BuildStep step) {
        events.progress(new Progress.BuildStep(step.toString()));
    }

    @Override
    public void stepCached(BuildStep step) {
        events.progress(new Progress.BuildCached());
    }

    @Override
    public void output(String line) {
        events.progress(new Progress.BuildOutput(line));
    }
}
