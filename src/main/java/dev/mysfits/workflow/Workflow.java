package dev.mysfits.workflow;

import dev.mysfits.console.Console;
import dev.mysfits.core.MysfitsException;

import java.util.ArrayList;
import java.util.List;

/** Runs named steps in order: each plans, then applies unless this is a dry run. Reports each on stderr. */
public final class Workflow<C> {
    private final String title;
    private final Console console;
    private final List<Step<C>> steps;

    public Workflow(String title, Console console, List<Step<C>> steps) {
        this.title = title;
        this.console = console;
        this.steps = List.copyOf(steps);
    }

    /** Runs every step; returns the changes, as planned (dry run) or as made. */
    public List<Change> execute(C context, boolean dryRun) {
        console.step(dryRun ? title + " (dry run: nothing will change)" : title);
        List<Change> changes = new ArrayList<>();
        for (Step<C> step : steps) {
            Change change;
            try {
                change = step.plan(context);
                if (!dryRun && change.mutates()) {
                    step.apply(context, change);
                }
            } catch (MysfitsException e) {
                console.info(console.paint("31", "✘") + " " + step.name());
                throw e;
            }
            changes.add(change);
            if (dryRun) {
                console.info("would " + change.describe());
            } else if (change.action() == Change.Action.CHECK) {
                console.info(console.paint("2", "·") + " checked " + change.resource()
                        + (change.detail() == null || change.detail().isBlank() ? "" : " (" + change.detail() + ")"));
            } else if (change.mutates()) {
                console.info(console.paint("32", "✔") + " " + pastTense(change));
            } else {
                console.info(console.paint("2", "·") + " " + change.resource() + " is up to date"
                        + (change.detail() == null || change.detail().isBlank() ? "" : " (" + change.detail() + ")"));
            }
        }
        return changes;
    }

    private static String pastTense(Change change) {
        String verb = switch (change.action()) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case NONE -> "kept";
            case CHECK -> "checked";
        };
        return verb + " " + change.resource() + (change.detail() == null || change.detail().isBlank() ? "" : " (" + change.detail() + ")");
    }
}
