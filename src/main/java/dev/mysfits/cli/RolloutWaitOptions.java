package dev.mysfits.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How deploy and scale wait for a stable service: shared options, one meaning. */
final class RolloutWaitOptions {
    // Every 2 s: a deploy ends soon after its targets pass, at a few API calls a second.
    private static final Duration POLL = Duration.ofSeconds(2);

    @Option(names = "--no-wait", description = "Do not wait for the rollout to finish.")
    boolean noWait;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Give up waiting for a stable service after this long (exit 4), e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    PollIntervalOption poll = new PollIntervalOption();

    boolean waitForStable() {
        return !noWait;
    }

    Duration timeout() {
        return timeout;
    }

    Duration pollInterval() {
        return poll.or(POLL);
    }
}
