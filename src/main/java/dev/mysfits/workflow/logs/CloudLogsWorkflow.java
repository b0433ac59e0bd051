package dev.mysfits.workflow.logs;

import dev.mysfits.core.Sleeper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.aws.logs.LogLine;
import dev.mysfits.aws.logs.LogReader;
import dev.mysfits.console.Console;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's container logs from CloudWatch Logs: every task's stream interleaved by time, each line prefixed
 * with the short task id. With follow it polls every two seconds from a watermark (the newest time seen, less a
 * lookback for events CloudWatch ingests late) and drops events it already printed, by event id.
 */
public final class CloudLogsWorkflow {
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

    private final LogReader reader;
    private final Console console;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ObjectMapper json = new ObjectMapper();

    public CloudLogsWorkflow(LogReader reader, Console console, Clock clock, Sleeper sleeper) {
        this.reader = reader;
        this.console = console;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Prints the lines; returns how many. Returns when done (no follow) or when interrupted (follow). */
    public long execute(Request request) {
        String group = request.names().logGroup(request.service());
        Instant start = clock.instant().minus(request.since());
        Instant from = start;
        Instant newest = start;
        Map<String, Instant> printed = new HashMap<>();
        long count = 0;
        if (request.follow()) {
            console.info("following " + group + " (Ctrl-C to stop)");
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
                    console.info("no log lines for " + request.service() + " since " + start);
                }
                return count;
            }
            Instant next = newest.minus(LOOKBACK);
            from = next.isAfter(start) ? next : start;
            Instant keepFrom = from;
            printed.values().removeIf(time -> time.isBefore(keepFrom));
            try {
                sleeper.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            }
        }
    }

    private void print(LogLine line) {
        String task = shortId(line);
        if (console.jsonOutput()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("time", line.time().toString());
            event.put("task", line.taskId());
            event.put("stream", line.stream());
            event.put("message", line.message());
            try {
                // one compact object per line (NDJSON), so `--follow --output json | jq` works as lines arrive
                console.data(json.writeValueAsString(event));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render a log line as JSON", e);
            }
            return;
        }
        console.data(task + " | " + line.message());
    }

    static String shortId(LogLine line) {
        if (line.taskId() == null || line.taskId().isEmpty()) {
            return line.stream();
        }
        return line.taskId().length() <= SHORT_ID ? line.taskId() : line.taskId().substring(0, SHORT_ID);
    }
}
