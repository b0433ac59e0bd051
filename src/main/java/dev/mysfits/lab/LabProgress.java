package dev.mysfits.lab;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mysfits.core.AtomicFiles;
import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each lab step's last check is kept, per workshop, beside the ledger (.mysfits/labs.json): passed or failed,
 * and when. `lab show` and `lab list` read it; only `lab check` and `lab run` write it.
 */
public final class LabProgress {
    /** A step's last check. */
    public record Mark(boolean passed, String at) {
    }

    private static final TypeReference<Map<String, Map<String, Mark>>> SHAPE = new TypeReference<>() {
    };

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LabProgress(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public static Path defaultFile(Path workshopDirectory) {
        return workshopDirectory.resolve(".mysfits").resolve("labs.json");
    }

    public synchronized Optional<Mark> mark(String lab, String step) {
        return Optional.ofNullable(marks(lab).get(step));
    }

    /** Every checked step of a lab, by step id: one reading of the file. */
    public synchronized Map<String, Mark> marks(String lab) {
        return Map.copyOf(read().getOrDefault(lab, Map.of()));
    }

    public synchronized void record(String lab, String step, boolean passed) {
        record(lab, Map.of(step, passed));
    }

    /** The outcome of each step just checked, by step id: one reading and one writing of the file. */
    public synchronized void record(String lab, Map<String, Boolean> passedByStep) {
        Map<String, Map<String, Mark>> all = read();
        String now = clock.instant().toString();
        Map<String, Mark> steps = all.computeIfAbsent(lab, l -> new LinkedHashMap<>());
        passedByStep.forEach((step, passed) -> steps.put(step, new Mark(passed, now)));
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, json.writeValueAsString(all));
        } catch (IOException e) {
            throw MysfitsException.failed("cannot write the labs' progress to " + file + ": " + e.getMessage(),
                    "check the permissions of " + file.getParent(), e);
        }
    }

    private Map<String, Map<String, Mark>> read() {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Map<String, Mark>> all = json.readValue(file.toFile(), SHAPE);
            Map<String, Map<String, Mark>> copy = new LinkedHashMap<>();
            all.forEach((lab, steps) -> copy.put(lab, new LinkedHashMap<>(steps)));
            return copy;
        } catch (IOException e) {
            throw MysfitsException.precondition("cannot read the labs' progress in " + file + ": " + e.getMessage(),
                    "delete " + file + " to start the progress afresh (nothing else is lost)");
        }
    }
}
