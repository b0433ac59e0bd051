package dev.mysfits.workflow;

import dev.mysfits.core.Change;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.StepListener;

import java.util.ArrayList;
import java.util.List;

/** Runs named steps in order: each plans, then applies unless this is a dry run. Tells a listener about each. */
public final class StepRunner<C> {
    private final String title;
    private final StepListener listener;
    private final List<Step<C>> steps;

    public StepRunner(String title, StepListener listener, List<Step<C>> steps) {
        this.title = title;
        this.listener = listener;
        this.steps = List.copyOf(steps);
    }

    /** Runs every step; returns the changes, as planned (dry run) or as made. */
    public List<Change> execute(C context, boolean dryRun) {
        listener.started(title, dryRun);
        List<Change> changes = new ArrayList<>();
        for (Step<C> step : steps) {
            Change change;
            try {
                change = step.plan(context);
                if (!dryRun && change.mutates()) {
                    step.apply(context, change);
                }
            } catch (MysfitsException e) {
                listener.failed(step.name());
                throw e;
            }
            changes.add(change);
            listener.finished(change, dryRun);
        }
        return changes;
    }
}
