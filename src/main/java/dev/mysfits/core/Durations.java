package dev.mysfits.core;

import java.time.Duration;

/** Durations the way the CLI accepts them: 90s, 5m, 1h. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds > 0 ? seconds + "s" : duration.toMillis() + "ms";
    }
}
