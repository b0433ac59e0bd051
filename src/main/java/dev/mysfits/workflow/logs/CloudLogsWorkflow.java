package dev.mysfits.workflow.logs;

import dev.mysfits.core.Sleeper;

import dev.mysfits.aws.logs.LogLine;
import dev.mysfits.aws.logs.LogReader;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.LogEntry;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's container logs from CloudWatch Logs: every task's stream interleaved by time, each line prefixed
 * with the short task id. With follow it polls every two seconds from a watermark (the newest time seen, less a
 * lookback for events CloudWatch ingests late) and drops events it already printed, by event id.
 */
public final class CloudLogsWorkflow implements Workflow<CloudLogsWorkflow.Request, CloudLogsWorkflow.Result> {
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** CloudWatch can ingest an event after later ones are visible: re-read this far back, de-duplicated. */
    static final Duration LOOKBACK = Duration.ofSeconds(10);
    private static final int SHORT_ID = 8;

    /**
     * @param names   the workshop's resource names (the log group is names.logGroup(service))
     * @param service the service as named in mysfits.json
     * @param since   how far back to start
     * @param follow  keep polling for new lines until interrupted
     */
    public record Request(ResourceNames names, String service, Duration since, boolean follow) {
    }

    /** @param lines how many log lines were shown */
    public record Result(long lines) {
    }

    private final LogReader reader;
    private final Events events;
    private final Clock clock;
    private final Sleeper sleeper;

    public CloudLogsWorkflow(LogReader reader, Events events, Clock clock, Sleeper sleeper) {
        this.reader = reader;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Hands each line to the events as it is read. Returns when done (no follow) or when interrupted (follow). */
    @Override
    public Result execute(Request request) {
        String group = request.names().logGroup(request.service());
        Instant start = clock.instant().minus(request.since());
        Instant from = start;
        Instant newest = start;
        Map<String, Instant> printed = new HashMap<>();
        long count = 0;
        if (request.follow()) {
            events.note("following " + group + " (Ctrl-C to stop)");
        }
        while (true) {
            List<LogLine> lines = reader.read(group, from).orElseThrow(() -> MysfitsException.precondition(
                    "no logs yet for " + request.service() + ": log group " + group + " does not exist",
                    "run mysfits setup, then mysfits deploy " + request.service()));
            for (LogLine line : lines) {
                if (printed.putIfAbsent(line.eventId(), line.time()) == null) {
                    print(line);
                    count++;
                    if (line.time().isAfter(newest)) {
                        newest = line.time();
                    }
                }
            }
            if (!request.follow()) {
                if (count == 0) {
                    events.note("no log lines for " + request.service() + " since " + start);
                }
                return new Result(count);
            }
            Instant next = newest.minus(LOOKBACK);
            from = next.isAfter(start) ? next : start;
            Instant keepFrom = from;
            printed.values().removeIf(time -> time.isBefore(keepFrom));
            try {
                sleeper.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(count);
            }
        }
    }

    private void print(LogLine line) {
        events.log(new LogEntry(line.time(), line.taskId(), shortId(line), line.stream(), line.message()));
    }

    static String shortId(LogLine line) {
        if (line.taskId() == null || line.taskId().isEmpty()) {
            return line.stream();
        }
        return line.taskId().length() <= SHORT_ID ? line.taskId() : line.taskId().substring(0, SHORT_ID);
    }
}
