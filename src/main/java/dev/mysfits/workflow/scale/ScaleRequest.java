package dev.mysfits.workflow.scale;

import java.time.Duration;

public record ScaleRequest(String service, int count, boolean waitForStable, Duration timeout, Duration pollInterval,
                           boolean dryRun) {
}
