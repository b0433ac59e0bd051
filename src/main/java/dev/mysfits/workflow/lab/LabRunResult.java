package dev.mysfits.workflow.lab;

import java.util.List;

/**
 * The steps a run solved and checked, in order; it stops at the first whose check failed.
 *
 * @param stoppedAt the step whose check failed, or null when every step passed
 */
public record LabRunResult(String lab, String title, List<StepResult> steps, String stoppedAt) {
    public LabRunResult {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return stoppedAt == null;
    }
}
