package dev.mysfits.aws.logs;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.util.Map;

/** Log groups. */
public record CloudWatchLogsResourceDeleter(CloudWatchLogsClient client) implements ServiceDeleter {

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(ResourceType.LOG_GROUP, this::deleteLogGroup);
    }

    public ResourceDeleter.Outcome deleteLogGroup(OwnedResource group) {
        return DeletionErrors.deleteOrGone("logs delete log group " + group.name(), () -> client.deleteLogGroup(r -> r.logGroupName(group.id())));
    }
}
