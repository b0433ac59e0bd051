package dev.mysfits.git;

import java.nio.file.Path;
import java.util.Optional;

/** The version-control state of a directory, for image tags and CodeBuild sources. */
public interface SourceRevision {
    /** The commit checked out, or empty when the directory is not in a repository (or git is missing). */
    Optional<Revision> current(Path directory);

    /** The repository's top directory, where a CodeBuild source starts; empty outside a repository. */
    default Optional<Path> root(Path directory) {
        return Optional.empty();
    }

    /** Where `origin` fetches from, e.g. https://github.com/org/repo.git; empty without one. */
    default Optional<String> originUrl(Path directory) {
        return Optional.empty();
    }

    /** A short commit id, and whether tracked files have uncommitted changes. */
    record Revision(String shortSha, boolean dirty) {
    }
}
