package dev.mysfits.workflow.rollback;

import java.util.List;

/**
 * What a rollback did, for stdout (the URL) or --output json.
 *
 * @param from              the revision the service ran before ("family:3")
 * @param to                the revision it runs now, or would run after a dry run
 * @param stoppedDeployment the service deployment stopped with --stop, or null
 * @param url               where the service answers, or null when no listener rule routes to it
 */
public record RollbackResult(String service, String serviceArn, String from, String to, String fromTaskDefinitionArn,
                             String toTaskDefinitionArn, String stoppedDeployment, String url, List<String> changed,
                             boolean waited, boolean dryRun) {
}
