package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.lab.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileProbesTest {
    @TempDir
    Path dir;
    private final FileProbes probes = new FileProbes();

    @Test
    void aFileInTheWorkshopDirectoryPasses() throws IOException {
        WorkshopConfig workshop = LabWorkshops.trashCan(dir, 8080);
        Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.12-slim\n");
        assertEquals(Optional.empty(), probes.problem(new Probe.File("Dockerfile", "write it"), workshop));
    }

    @Test
    void aMissingFileFailsNamingWhereItWasLookedFor() {
        WorkshopConfig workshop = LabWorkshops.trashCan(dir, 8080);
        assertEquals(Optional.of("no file " + dir.resolve(".dockerignore")),
                probes.problem(new Probe.File(".dockerignore", "write it"), workshop));
    }

    @Test
    void aPathOutsideTheWorkshopFails() {
        WorkshopConfig workshop = LabWorkshops.trashCan(dir, 8080);
        assertEquals(Optional.of("../etc/passwd is outside the workshop's directory " + dir),
                probes.problem(new Probe.File("../etc/passwd", "no"), workshop));
    }
}
