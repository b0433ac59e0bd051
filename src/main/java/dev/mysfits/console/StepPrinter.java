package dev.mysfits.console;

import dev.mysfits.core.Change;
import dev.mysfits.core.StepListener;

/** Renders workflow steps on the console: one line a step, "would ..." on a dry run, ✔ made, · up to date. */
public final class StepPrinter implements StepListener {
    private final Console console;

    public StepPrinter(Console console) {
        this.console = console;
    }

    @Override
    public void started(String title, boolean dryRun) {
        console.step(dryRun ? title + " (dry run: nothing will change)" : title);
    }

    @Override
    public void finished(Change change, boolean dryRun) {
        if (dryRun) {
            console.info("would " + change.describe());
        } else if (change.action() == Change.Action.CHECK) {
            console.info(console.paint("2", "·") + " checked " + change.resource() + detail(change));
        } else if (change.mutates()) {
            console.info(console.paint("32", "✔") + " " + pastTense(change));
        } else {
            console.info(console.paint("2", "·") + " " + change.resource() + " is up to date" + detail(change));
        }
    }

    @Override
    public void failed(String step) {
        console.info(console.paint("31", "✘") + " " + step);
    }

    private static String detail(Change change) {
        return change.detail() == null || change.detail().isBlank() ? "" : " (" + change.detail() + ")";
    }

    private static String pastTense(Change change) {
        String verb = switch (change.action()) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case NONE -> "kept";
            case CHECK -> "checked";
            case REUSE -> "reused";
        };
        return verb + " " + change.resource() + detail(change);
    }
}
