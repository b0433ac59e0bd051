package dev.mysfits.workflow;

import dev.mysfits.core.Change;

/**
 * One named, idempotent step of a workflow. It looks first (plan, read-only) and acts only when the look says
 * something must change, so re-running a workflow converges and a dry run is the plan alone.
 *
 * @param <C> the workflow's context: inputs, and what earlier steps found or made
 */
public interface Step<C> {
    String name();

    /** Looks, without mutating anything, and says what apply would do. May record what it found in the context. */
    Change plan(C context);

    /** Makes the change the plan announced. Called only when the plan mutates and this is not a dry run. */
    void apply(C context, Change change);
}
