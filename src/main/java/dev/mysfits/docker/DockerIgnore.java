package dev.mysfits.docker;

import com.github.dockerjava.core.GoLangFileMatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a .dockerignore, as the docker CLI applies them: patterns match a path or any of its parents,
 * the last matching pattern wins, and "!pattern" re-includes.
 */
public final class DockerIgnore {
    private final List<String> patterns;

    public DockerIgnore(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static DockerIgnore read(Path contextDirectory) throws IOException {
        Path file = contextDirectory.resolve(".dockerignore");
        List<String> patterns = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                boolean exception = pattern.startsWith("!");
                String body = clean(exception ? pattern.substring(1).strip() : pattern);
                if (!body.isEmpty()) {
                    patterns.add(exception ? "!" + body : body);
                }
            }
        }
        return new DockerIgnore(patterns);
    }

    /** True when the path (relative, '/'-separated) is left out of the build context. */
    public boolean excludes(String relativePath) {
        boolean excluded = false;
        for (String pattern : patterns) {
            boolean exception = pattern.startsWith("!");
            if (GoLangFileMatch.match(exception ? pattern.substring(1) : pattern, relativePath)) {
                excluded = !exception;
            }
        }
        return excluded;
    }

    private static String clean(String pattern) {
        String p = pattern.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("./") ? p.substring(2) : p;
    }
}
