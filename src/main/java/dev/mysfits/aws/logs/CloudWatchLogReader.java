package dev.mysfits.aws.logs;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.AwsErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link LogReader} on CloudWatch Logs: FilterLogEvents over the whole group, page by page. */
public final class CloudWatchLogReader implements LogReader {
    private static final int DEFAULT_PAGE_SIZE = 10_000;

    private final CloudWatchLogsClient logs;
    private final int pageSize;

    /** For the cli layer, which hands over our AwsClients and never an SDK type. */
    public static CloudWatchLogReader from(AwsClients aws) {
        return new CloudWatchLogReader(aws.logs());
    }

    public CloudWatchLogReader(CloudWatchLogsClient logs) {
        this(logs, DEFAULT_PAGE_SIZE);
    }

    public CloudWatchLogReader(CloudWatchLogsClient logs, int pageSize) {
        this.logs = logs;
        this.pageSize = pageSize;
    }

    @Override
    public Optional<List<LogLine>> read(String logGroup, Instant since) {
        List<LogLine> lines = new ArrayList<>();
        String token = null;
        try {
            do {
                FilterLogEventsResponse page = logs.filterLogEvents(FilterLogEventsRequest.builder()
                        .logGroupName(logGroup)
                        .startTime(since.toEpochMilli())
                        .limit(pageSize)
                        .nextToken(token)
                        .build());
                for (FilteredLogEvent event : page.events()) {
                    lines.add(new LogLine(event.eventId(), Instant.ofEpochMilli(event.timestamp()), event.logStreamName(),
                            taskId(event.logStreamName()), stripNewline(event.message())));
                }
                // a repeated token would loop forever; CloudWatch ends paging with no token
                token = page.nextToken() == null || page.nextToken().equals(token) ? null : page.nextToken();
            } while (token != null);
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("logs filter log events " + logGroup, e);
        }
        lines.sort(Comparator.comparing(LogLine::time));
        return Optional.of(lines);
    }

    /** awslogs names streams "prefix/container/taskid": the task id is the last of three or more segments. */
    static String taskId(String stream) {
        if (stream == null) {
            return null;
        }
        String[] parts = stream.split("/");
        return parts.length >= 3 ? parts[parts.length - 1] : null;
    }

    private static String stripNewline(String message) {
        if (message == null) {
            return "";
        }
        int end = message.length();
        while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
            end--;
        }
        return message.substring(0, end);
    }
}
