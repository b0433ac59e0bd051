package dev.mysfits.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users type them on the command line: 500ms, 30s (or plain 30), 10m, 2h, 1d. */
public final class DurationText {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)?");

    private DurationText() {
    }

    /** @param option the option it came from, for the error ("--since") */
    public static Duration parse(String option, String text) {
        Matcher m = text == null ? null : DURATION.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw MysfitsException.usage(option + " '" + text + "' is not a duration",
                    "use a whole number and s, m, h or d, like 30s, 10m, 2h or 1d");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
