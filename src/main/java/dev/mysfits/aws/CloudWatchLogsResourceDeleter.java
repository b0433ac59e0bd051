package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Log groups. */
final class CloudWatchLogsResourceDeleter {
    private final CloudWatchLogsClient client;

    CloudWatchLogsResourceDeleter(CloudWatchLogsClient client) {
        this.client = client;
    }

    ResourceDeleter.Outcome deleteLogGroup(OwnedResource group) {
        try {
            client.deleteLogGroup(r -> r.logGroupName(group.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle("logs delete log group " + group.name(), e);
        }
    }
}
