package dev.mysfits.cli;

import dev.mysfits.core.DurationText;
import dev.mysfits.core.MysfitsException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Timeouts and intervals: "90" or "90s", "5m", "1h", "500ms"; zero is refused (it would never wait). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            Duration duration = DurationText.parse("duration", value);
            if (duration.isZero()) {
                throw new TypeConversionException("'" + value + "' is zero: use e.g. 90s, 5m or 1h");
            }
            return duration;
        } catch (MysfitsException e) {
            throw new TypeConversionException("'" + value + "' is not a duration: use e.g. 90s, 5m or 1h");
        }
    }
}
