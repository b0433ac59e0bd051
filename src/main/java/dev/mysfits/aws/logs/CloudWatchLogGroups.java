package dev.mysfits.aws.logs;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.util.Map;
import java.util.Optional;

/** {@link LogGroups} on the CloudWatch Logs API. */
public final class CloudWatchLogGroups implements LogGroups {
    private final CloudWatchLogsClient logs;
    private final Eventually eventually;

    public CloudWatchLogGroups(CloudWatchLogsClient logs, Eventually eventually) {
        this.logs = logs;
        this.eventually = eventually;
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
            // Right after the group is created, Logs may answer OperationAbortedException: its creation is still going on.
            eventually.run("log group " + name + " to take its retention", Eventually.PROPAGATION,
                    TransientErrors.CONFLICTING_OPERATION,
                    () -> logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(days)));
        } catch (SdkException e) {
            throw AwsErrors.wrap("logs set retention of " + name, e);
        }
    }
}
