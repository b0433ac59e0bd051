package dev.mysfits.workflow.revisions;

import dev.mysfits.config.WorkshopConfig;

/** Which service's revisions to list, and at most how many (each is one DescribeTaskDefinition). */
public record RevisionsRequest(WorkshopConfig workshop, String service, int limit) {
}
