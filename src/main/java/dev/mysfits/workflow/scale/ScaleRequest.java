package dev.mysfits.workflow.scale;

import dev.mysfits.config.WorkshopConfig;

import java.time.Duration;

/** What the user asked scale to do: one service of the workshop to this many tasks. */
public record ScaleRequest(WorkshopConfig workshop, String service, int count, boolean waitForStable, Duration timeout,
                           Duration pollInterval, boolean dryRun) {
}
