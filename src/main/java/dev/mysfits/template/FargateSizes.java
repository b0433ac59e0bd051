package dev.mysfits.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The task cpu/memory pairs Fargate accepts (CPU units : MiB), checked before any call so a bad pair fails with
 * the choices instead of an AWS ClientException halfway through a deploy.
 */
final class FargateSizes {
    private record Range(int from, int to, int step) {
        boolean contains(int memory) {
            return memory >= from && memory <= to && (memory - from) % step == 0;
        }
    }

    private static final Map<Integer, List<Range>> TABLE = new TreeMap<>(Map.of(
            256, List.of(new Range(512, 512, 1), new Range(1024, 1024, 1), new Range(2048, 2048, 1)),
            512, List.of(new Range(1024, 4096, 1024)),
            1024, List.of(new Range(2048, 8192, 1024)),
            2048, List.of(new Range(4096, 16384, 1024)),
            4096, List.of(new Range(8192, 30720, 1024)),
            8192, List.of(new Range(16384, 61440, 4096)),
            16384, List.of(new Range(32768, 122880, 8192))));

    private FargateSizes() {
    }

    static boolean accepts(int cpu, int memory) {
        List<Range> ranges = TABLE.get(cpu);
        return ranges != null && ranges.stream().anyMatch(r -> r.contains(memory));
    }

    static boolean knownCpu(int cpu) {
        return TABLE.containsKey(cpu);
    }

    static String cpuChoices() {
        return String.join(", ", TABLE.keySet().stream().map(String::valueOf).toList());
    }

    /** Memory choices for a cpu value, in words: "512, 1024 or 2048" or "1024 to 4096 in steps of 1024". */
    static String memoryChoices(int cpu) {
        List<Range> ranges = TABLE.get(cpu);
        if (ranges == null) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Range r : ranges) {
            parts.add(r.from() == r.to() ? String.valueOf(r.from()) : r.from() + " to " + r.to() + " in steps of " + r.step());
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    /** "256" or "0.25 vCPU" -> 256 CPU units. */
    static OptionalInt cpuUnits(String value) {
        return parse(value, "vcpu", 1024);
    }

    /** "512" or "0.5 GB" -> 512 MiB. */
    static OptionalInt memoryMiB(String value) {
        return parse(value, "gb", 1024);
    }

    private static OptionalInt parse(String value, String unit, int perUnit) {
        if (value == null) {
            return OptionalInt.empty();
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        int factor = 1;
        if (text.endsWith(unit)) {
            text = text.substring(0, text.length() - unit.length()).trim();
            factor = perUnit;
        }
        try {
            BigDecimal amount = new BigDecimal(text).multiply(BigDecimal.valueOf(factor));
            if (amount.signum() <= 0) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(amount.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalInt.empty();
        }
    }
}
