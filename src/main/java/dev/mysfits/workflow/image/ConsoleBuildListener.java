package dev.mysfits.workflow.image;

import dev.mysfits.console.Console;
import dev.mysfits.docker.BuildListener;
import dev.mysfits.docker.BuildStep;

/** Shows each step as a line, marks the ones served from cache, and the command output as throttled progress. */
final class ConsoleBuildListener implements BuildListener {
    private final Console console;

    ConsoleBuildListener(Console console) {
        this.console = console;
    }

    @Override
    public void stepStarted(BuildStep step) {
        console.progressDone("build-step", step.toString());
    }

    @Override
    public void stepCached(BuildStep step) {
        console.info("  ---> Using cache");
    }

    @Override
    public void output(String line) {
        console.progress("build-output", "  " + line);
    }
}
