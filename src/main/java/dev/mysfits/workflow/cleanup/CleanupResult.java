package dev.mysfits.workflow.cleanup;

import dev.mysfits.aws.OwnedResource;

import java.util.List;

/** What a cleanup deleted and what it left. A dry run deletes nothing and lists what it would delete. */
public record CleanupResult(List<OwnedResource> planned, List<OwnedResource> deleted, List<Leftover> leftovers) {
    public boolean clean() {
        return leftovers.isEmpty();
    }
}
