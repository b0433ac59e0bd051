package dev.mysfits.aws.logs;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Log groups. */
public final class CloudWatchLogsResourceDeleter {
    private final CloudWatchLogsClient client;

    public CloudWatchLogsResourceDeleter(CloudWatchLogsClient client) {
        this.client = client;
    }

    public ResourceDeleter.Outcome deleteLogGroup(OwnedResource group) {
        return DeletionErrors.deleteOrGone("logs delete log group " + group.name(), () -> client.deleteLogGroup(r -> r.logGroupName(group.id())));
    }
}
