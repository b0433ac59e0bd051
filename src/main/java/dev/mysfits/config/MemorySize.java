package dev.mysfits.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Docker's memory sizes ("128MB", "512m", "1g", "1GiB"): binary multiples, as `docker run -m` reads them. */
public final class MemorySize {
    /** Docker refuses limits under 6 MiB. */
    public static final long MINIMUM = 6L * 1024 * 1024;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([a-z]*)");
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1L << 10), Map.entry("kb", 1L << 10), Map.entry("kib", 1L << 10),
            Map.entry("m", 1L << 20), Map.entry("mb", 1L << 20), Map.entry("mib", 1L << 20),
            Map.entry("g", 1L << 30), Map.entry("gb", 1L << 30), Map.entry("gib", 1L << 30));

    private MemorySize() {
    }

    /** The size in bytes; IllegalArgumentException says what is wrong, in words fit for an error line. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || !UNITS.containsKey(m.group(2))) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size: write a number and one of b, k, m, g "
                    + "(or KB, MB, GB), e.g. \"128MB\"");
        }
        long bytes = Long.parseLong(m.group(1)) * UNITS.get(m.group(2));
        if (bytes < MINIMUM) {
            throw new IllegalArgumentException("'" + text + "' is below Docker's minimum memory limit of 6MB");
        }
        return bytes;
    }
}
