package dev.mysfits.aws.logs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads a service's container logs from where awslogs put them. */
public interface LogReader {
    /**
     * Every event of the log group at or after {@code since}, across all streams, oldest first.
     *
     * @return empty when the log group does not exist
     */
    Optional<List<LogLine>> read(String logGroup, Instant since);
}
