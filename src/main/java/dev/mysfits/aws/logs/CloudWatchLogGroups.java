package dev.mysfits.aws.logs;

import dev.mysfits.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.util.Map;
import java.util.Optional;

/** {@link LogGroups} on the CloudWatch Logs API. */
public final class CloudWatchLogGroups implements LogGroups {
    private final CloudWatchLogsClient logs;

    public CloudWatchLogGroups(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    @Override
    public Optional<LogGroup> find(String name) {
        try {
            // The API only filters by prefix: keep the exact name.
            return logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                    .filter(g -> name.equals(g.logGroupName()))
                    .map(g -> new LogGroup(g.logGroupName(), g.arn(), g.retentionInDays()))
                    .findFirst();
        } catch (SdkException e) {
            throw AwsErrors.wrap("logs describe log group " + name, e);
        }
    }

    @Override
    public void create(String name, Map<String, String> tags) {
        try {
            logs.createLogGroup(r -> r.logGroupName(name).tags(tags));
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException madeByALostAttempt) {
            // an earlier attempt whose answer was lost made it
        } catch (SdkException e) {
            throw AwsErrors.wrap("logs create log group " + name, e);
        }
    }

    @Override
    public void setRetention(String name, int days) {
        try {
            logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(days));
        } catch (SdkException e) {
            throw AwsErrors.wrap("logs set retention of " + name, e);
        }
    }
}
