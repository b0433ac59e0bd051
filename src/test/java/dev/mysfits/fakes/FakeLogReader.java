package dev.mysfits.fakes;

import dev.mysfits.aws.logs.LogLine;
import dev.mysfits.aws.logs.LogReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory log group store: events per group, filtered by start time like FilterLogEvents. */
public final class FakeLogReader implements LogReader {
    private final Map<String, List<LogLine>> groups = new TreeMap<>();
    public final List<Instant> reads = new ArrayList<>();
    private int nextId;

    public FakeLogReader group(String name) {
        groups.putIfAbsent(name, new ArrayList<>());
        return this;
    }

    public FakeLogReader put(String group, Instant time, String taskId, String message) {
        group(group);
        groups.get(group).add(new LogLine(String.valueOf(nextId++), time, "svc/app/" + taskId, taskId, message));
        return this;
    }

    /** An event in a stream named as the caller wants (a CodeBuild build's stream is the build's id). */
    public FakeLogReader putInStream(String group, String stream, Instant time, String message) {
        group(group);
        groups.get(group).add(new LogLine(String.valueOf(nextId++), time, stream, null, message));
        return this;
    }

    @Override
    public Optional<List<LogLine>> read(String logGroup, Instant since) {
        reads.add(since);
        List<LogLine> lines = groups.get(logGroup);
        if (lines == null) {
            return Optional.empty();
        }
        return Optional.of(lines.stream().filter(l -> !l.time().isBefore(since))
                .sorted(Comparator.comparing(LogLine::time)).toList());
    }
}
