package dev.mysfits.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationTextTest {
    @Test
    void parse_millisSecondsMinutesHoursDays() {
        assertEquals(Duration.ofMillis(500), DurationText.parse("--timeout", "500ms"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("--timeout", "90"));
        assertEquals(Duration.ofSeconds(30), DurationText.parse("--since", "30s"));
        assertEquals(Duration.ofMinutes(10), DurationText.parse("--since", "10m"));
        assertEquals(Duration.ofHours(2), DurationText.parse("--since", "2h"));
        assertEquals(Duration.ofDays(1), DurationText.parse("--since", "1d"));
    }

    @Test
    void parse_unknownUnit_isUsageErrorNamingOptionAndFormat() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> DurationText.parse("--since", "10x"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("--since '10x' is not a duration", e.getMessage());
        assertTrue(e.hint().contains("30s, 10m, 2h or 1d"), e.hint());
        assertThrows(MysfitsException.class, () -> DurationText.parse("--since", "-5m"));
        assertThrows(MysfitsException.class, () -> DurationText.parse("--since", "m"));
    }
}
