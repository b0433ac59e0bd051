package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.lab.Probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A file the attendee writes, relative to the workshop's directory. */
public final class FileProbes implements ProbeEvaluator<Probe.File> {
    @Override
    public String describe(Probe.File probe, WorkshopConfig workshop) {
        return probe.path() + " exists in " + workshop.directory().getFileName();
    }

    @Override
    public Optional<String> problem(Probe.File probe, WorkshopConfig workshop) {
        Path file = workshop.directory().resolve(probe.path()).normalize();
        if (!file.startsWith(workshop.directory().normalize())) {
            return Optional.of(probe.path() + " is outside the workshop's directory " + workshop.directory());
        }
        if (Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.exists(file) ? file + " is not a file" : "no file " + file);
    }
}
