package dev.mysfits.aws.logs;

import java.time.Instant;

/**
 * One log event of a service.
 *
 * @param eventId CloudWatch's id of the event, unique in the group (what de-duplicates overlapping reads)
 * @param time    when the container wrote it
 * @param stream  the awslogs stream, "prefix/container/taskid"
 * @param taskId  the ECS task id (the stream's last segment), or null when the stream is not named that way
 * @param message the line, without a trailing newline
 */
public record LogLine(String eventId, Instant time, String stream, String taskId, String message) {
}
