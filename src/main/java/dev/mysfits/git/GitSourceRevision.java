package dev.mysfits.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks the git command line, which knows every repository layout (worktrees, submodules) better than a library.
 * Dirty means tracked files changed, as `git describe --dirty` counts it: untracked files do not make it dirty.
 */
public final class GitSourceRevision implements SourceRevision {
    private static final long TIMEOUT_SECONDS = 10;

    @Override
    public Optional<Revision> current(Path directory) {
        Optional<String> sha = git(directory, "rev-parse", "--short", "HEAD").map(String::strip).filter(s -> !s.isEmpty());
        if (sha.isEmpty()) {
            return Optional.empty();
        }
        boolean dirty = git(directory, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isBlank()).orElse(false);
        return Optional.of(new Revision(sha.get(), dirty));
    }

    @Override
    public Optional<Path> root(Path directory) {
        return git(directory, "rev-parse", "--show-toplevel").map(String::strip).filter(s -> !s.isEmpty()).map(Path::of);
    }

    @Override
    public Optional<String> originUrl(Path directory) {
        return git(directory, "remote", "get-url", "origin").map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<String> git(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream stdout = process.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException noGit) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
