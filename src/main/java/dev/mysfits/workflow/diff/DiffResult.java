package dev.mysfits.workflow.diff;

import dev.mysfits.workflow.deploy.TaskDefinitionMatcher;

import java.util.List;

/**
 * What diff found, for stdout (the unified diff) or --output json.
 *
 * @param changed            whether deploy would change anything; exactly when {@code diff} is not empty
 * @param changes            each differing field: its path in the compared document ("taskDefinition.containerDefinitions[like].image",
 *                           "targetGroup.healthCheck.path"), the live value (null: none) and the template's
 * @param diff               a unified diff of the live document (---) and the template's (+++), JSON with keys sorted; empty
 *                           when nothing differs
 * @param liveTaskDefinition the ARN of the revision the service runs, or null when there is no service
 * @param deploy             what deploy would do, step by step, as its --dry-run says it
 */
public record DiffResult(String service, String launchType, boolean changed, List<TaskDefinitionMatcher.Difference> changes,
                         String diff, String liveTaskDefinition, List<String> deploy) {
}
