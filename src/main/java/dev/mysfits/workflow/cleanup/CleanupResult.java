package dev.mysfits.workflow.cleanup;

import dev.mysfits.aws.OwnedResource;

import java.util.List;

/**
 * What a cleanup deleted and what it left. A dry run deletes nothing and lists what it would delete.
 *
 * @param resets the listeners whose default action goes (or would go) back to a fixed 404
 */
public record CleanupResult(String workshop, boolean dryRun, List<OwnedResource> planned, List<OwnedResource> resets,
                            List<OwnedResource> deleted, List<Leftover> leftovers) {
    public CleanupResult {
        planned = List.copyOf(planned);
        resets = List.copyOf(resets);
        deleted = List.copyOf(deleted);
        leftovers = List.copyOf(leftovers);
    }

    public boolean clean() {
        return leftovers.isEmpty();
    }
}
