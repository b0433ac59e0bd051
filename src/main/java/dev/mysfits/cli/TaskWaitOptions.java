package dev.mysfits.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How task run and task stop wait for their tasks' status: shared options, one meaning; each its own poll. */
final class TaskWaitOptions {
    @Option(names = "--wait-timeout", defaultValue = "5m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Give up waiting for the task status after this long (exit 4), e.g. 90s, 5m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    PollIntervalOption poll = new PollIntervalOption();

    Duration timeout() {
        return timeout;
    }

    /** @param otherwise the command's own default interval */
    Duration pollInterval(Duration otherwise) {
        return poll.or(otherwise);
    }
}
