package dev.mysfits.workflow.rollback;

import dev.mysfits.config.WorkshopConfig;

import java.time.Duration;

/**
 * What the user asked rollback to do.
 *
 * @param to   the revision to go back to ("3", "family:3", an ARN), or null for the last one that served successfully
 * @param stop whether a service deployment in progress may be stopped and rolled back (StopServiceDeployment)
 */
public record RollbackRequest(WorkshopConfig workshop, String service, String to, boolean stop, boolean waitForStable,
                              Duration timeout, Duration pollInterval, boolean dryRun) {
}
