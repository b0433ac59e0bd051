package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.lab.Probe;

import java.util.Optional;

/**
 * Checks one kind of probe against what exists now. It only reads: a check never changes anything. A missing
 * precondition (no credentials, no Docker engine) is thrown as a MysfitsException, and the check shows it as the
 * probe's failure.
 *
 * @param <P> the kind of probe
 */
public interface ProbeEvaluator<P extends Probe> {
    /** What the probe looks at, as a person reads it: "GET / on inv's local port answers 200". */
    String describe(P probe, WorkshopConfig workshop);

    /** Empty when the probe passes; otherwise what was found instead ("answered 503"). */
    Optional<String> problem(P probe, WorkshopConfig workshop);
}
