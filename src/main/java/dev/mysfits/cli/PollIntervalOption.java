package dev.mysfits.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The hidden --poll-interval of every command that waits on AWS, declared once (tests poll every second). Each
 * command keeps its own default: how often its wait is worth an API call.
 */
final class PollIntervalOption {
    @Option(names = "--poll-interval", converter = DurationConverter.class, paramLabel = "DURATION", hidden = true)
    Duration value;

    /** The interval given, or this command's default. */
    Duration or(Duration otherwise) {
        return value == null ? otherwise : value;
    }
}
