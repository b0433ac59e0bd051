package dev.mysfits.workflow.lab;

import java.util.List;

/** The labs asked for, each with its steps and how their last check went. */
public record LabsResult(List<LabStatus> labs) {
    public LabsResult {
        labs = List.copyOf(labs);
    }

    /**
     * @param workshop the workshop file its steps run in
     */
    public record LabStatus(String id, String title, String page, String workshop, List<StepStatus> steps) {
        public LabStatus {
            steps = List.copyOf(steps);
        }

        public long passed() {
            return steps.stream().filter(s -> s.state() == State.PASSED).count();
        }
    }

    /**
     * @param checkedAt when its last check ran, or null when it never did
     * @param probes    how many probes its check runs
     */
    public record StepStatus(String id, String title, String section, List<String> solve, int probes, boolean costsMoney,
                             State state, String checkedAt) {
        public StepStatus {
            solve = List.copyOf(solve);
        }
    }

    public enum State { PASSED, FAILED, NOT_CHECKED }
}
