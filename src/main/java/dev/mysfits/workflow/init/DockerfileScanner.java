package dev.mysfits.workflow.init;

import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the Dockerfiles of a workshop directory, skipping VCS data, dependencies, virtualenvs and build output. */
final class DockerfileScanner {
    static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn", "node_modules", "venv", ".venv", "env",
            "__pycache__", ".tox", "target", "build", "dist", "out", ".gradle", ".idea", ".mysfits", "vendor");
    private static final Pattern EXPOSE = Pattern.compile("(?im)^\\s*EXPOSE\\s+(\\d+)");
    private static final int MAX_DEPTH = 6;

    private DockerfileScanner() {
    }

    /** Dockerfiles below the directory, in path order. */
    static List<Path> find(Path directory) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(directory, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(directory) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().equals("Dockerfile")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw MysfitsException.usage("cannot read " + directory + ": " + e.getMessage(), "run init in a directory you can read");
        }
        found.sort(null);
        return found;
    }

    /** The first EXPOSEd port, or 80. */
    static int exposedPort(Path dockerfile) {
        try {
            Matcher m = EXPOSE.matcher(Files.readString(dockerfile));
            return m.find() ? Integer.parseInt(m.group(1)) : 80;
        } catch (IOException | NumberFormatException e) {
            return 80;
        }
    }

    /** A service name mysfits.json and AWS accept, from a directory name ("Inventory_API" -> "inventory-api"). */
    static String serviceName(String directoryName) {
        String name = directoryName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "svc-" + name;
        }
        return name.length() > 31 ? name.substring(0, 31).replaceAll("-+$", "") : name;
    }
}
