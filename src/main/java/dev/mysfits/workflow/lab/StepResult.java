package dev.mysfits.workflow.lab;

import java.util.List;

/** A step's check: each of its probes, in order. It passes when every probe does. */
public record StepResult(String step, String title, List<ProbeResult> probes) {
    public StepResult {
        probes = List.copyOf(probes);
    }

    public boolean passed() {
        return probes.stream().allMatch(ProbeResult::passed);
    }
}
