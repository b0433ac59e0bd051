package dev.mysfits.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileInANewDirectory_thenReplacesIt_leavingNoTemporaryFile() throws IOException {
        Path file = dir.resolve("nested").resolve("buildspec.yml");

        AtomicFiles.writeString(file, "version: 0.2\n");
        assertEquals("version: 0.2\n", Files.readString(file));

        AtomicFiles.writeString(file, "version: 0.2\nphases: {}\n");
        assertEquals("version: 0.2\nphases: {}\n", Files.readString(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
