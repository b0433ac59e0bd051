package dev.mysfits.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers for the image and local-run ITs: edit a test workshop's service, ask the docker CLI, clean up. */
final class LocalImages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalImages() {
    }

    /** Sets fields of services.SERVICE in the workshop's mysfits.json (strings or ints). */
    static void setService(Path workshop, String service, Map<String, Object> fields) {
        try {
            Path file = workshop.resolve("mysfits.json");
            ObjectNode config = (ObjectNode) JSON.readTree(file.toFile());
            ObjectNode node = (ObjectNode) config.get("services").get(service);
            fields.forEach((k, v) -> {
                if (v instanceof Integer i) {
                    node.put(k, i);
                } else {
                    node.put(k, v.toString());
                }
            });
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The docker CLI, an independent client; fails the test when it fails. */
    static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(Arrays.asList(args));
        TestSandbox.ProcessResult result = TestSandbox.run(command, Map.of(), Duration.ofSeconds(60));
        if (result.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " failed: " + result.err());
        }
        return result.out().strip();
    }

    /** Removes every image and container carrying the workshop's label: tests leave nothing behind. */
    static void removeEverythingOf(String workshop) {
        String filter = "label=mysfits.workshop=" + workshop;
        TestSandbox.ProcessResult containers = TestSandbox.run(List.of("docker", "ps", "-aq", "--filter", filter), Map.of(), Duration.ofSeconds(30));
        containers.out().lines().filter(l -> !l.isBlank()).forEach(id ->
                TestSandbox.run(List.of("docker", "rm", "-f", id), Map.of(), Duration.ofSeconds(30)));
        TestSandbox.ProcessResult images = TestSandbox.run(List.of("docker", "images", "--filter", filter,
                "--format", "{{.Repository}}:{{.Tag}}"), Map.of(), Duration.ofSeconds(30));
        images.out().lines().filter(l -> !l.isBlank() && !l.contains("<none>")).forEach(ref ->
                TestSandbox.run(List.of("docker", "rmi", "-f", ref), Map.of(), Duration.ofSeconds(60)));
    }

    /** A copy of a directory to edit freely. */
    static Path copyOf(Path source) {
        try {
            return copyOf(source, Files.createTempDirectory("mysfits-context"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the source tree at target (made if missing). */
    static Path copyOf(Path source, Path target) {
        try {
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path path : (Iterable<Path>) walk::iterator) {
                    Path to = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(path, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES); // keeps an entrypoint executable
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        return TestSandbox.claimFreePort();
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
