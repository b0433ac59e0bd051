package dev.mysfits.aws.logs;

import java.util.Map;
import java.util.Optional;

/** CloudWatch Logs groups the awslogs driver writes to. */
public interface LogGroups {
    /** @param retentionDays null when logs are kept forever */
    record LogGroup(String name, String arn, Integer retentionDays) {
    }

    Optional<LogGroup> find(String name);

    void create(String name, Map<String, String> tags);

    void setRetention(String name, int days);
}
