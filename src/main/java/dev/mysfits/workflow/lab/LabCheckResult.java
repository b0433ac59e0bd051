package dev.mysfits.workflow.lab;

import java.util.List;

/** The checked steps of a lab, in order. */
public record LabCheckResult(String lab, String title, List<StepResult> steps) {
    public LabCheckResult {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return steps.stream().allMatch(StepResult::passed);
    }
}
