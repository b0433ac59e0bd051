package dev.mysfits.git;

import java.nio.file.Path;
import java.util.Optional;

/** The version-control state of a directory, for image tags. */
public interface SourceRevision {
    /** The commit checked out, or empty when the directory is not in a repository (or git is missing). */
    Optional<Revision> current(Path directory);

    /** A short commit id, and whether tracked files have uncommitted changes. */
    record Revision(String shortSha, boolean dirty) {
    }
}
