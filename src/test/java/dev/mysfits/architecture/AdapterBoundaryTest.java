package dev.mysfits.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK and docker-java stay inside their adapter packages: everything else works with our own records and
 * interfaces. A name written out in full counts as much as an import.
 */
class AdapterBoundaryTest {
    private static final Path MAIN = Path.of("src/main/java/dev/mysfits");

    @Test
    void awsSdk_isUsedOnlyInsideAws() throws IOException {
        assertEquals(List.of(), offenders("software.amazon.awssdk", MAIN.resolve("aws")));
    }

    @Test
    void dockerJava_isUsedOnlyInsideDocker() throws IOException {
        assertEquals(List.of(), offenders("com.github.dockerjava", MAIN.resolve("docker")));
    }

    @Test
    void theScanSeesTheAdapters() throws IOException {
        // Guards the test itself: were the path wrong, both lists above would be empty for nothing.
        assertTrue(count("software.amazon.awssdk", MAIN.resolve("aws")) > 20);
        assertTrue(count("com.github.dockerjava", MAIN.resolve("docker")) > 5);
    }

    private static List<String> offenders(String library, Path home) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.startsWith(home)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(library + ".")) {
                        found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        return found;
    }

    private static long count(String library, Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains(library + ".");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).count();
        }
    }
}
