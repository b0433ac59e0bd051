package dev.mysfits.workflow.autoscale;

import dev.mysfits.core.Change;

import java.util.List;

/** What autoscaling looks like after the run (or would, on a dry run). */
public record AutoscaleResult(String service, String resourceId, boolean enabled, Integer min, Integer max, Integer cpuTarget,
                     String policyArn, List<Change> changes) {
}
