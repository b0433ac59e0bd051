package dev.mysfits.workflow.deploy;

import java.util.List;

/** What a deploy did, for stdout (the URL) or --output json. */
public record DeployResult(String service, String launchType, int revision, String taskDefinitionArn, String image,
                           String serviceArn, String targetGroupArn, String url, List<String> changed, boolean dryRun) {
}
