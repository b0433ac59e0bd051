package dev.mysfits.workflow.setup;

import dev.mysfits.workflow.infrastructure.Infrastructure;

import dev.mysfits.core.Change;

import java.util.List;

/**
 * What a setup run did or, in a dry run, would do.
 *
 * @param state what exists now; null in a dry run
 */
public record SetupResult(boolean dryRun, List<Change> changes, Infrastructure state) {
    public boolean changed() {
        return changes.stream().anyMatch(Change::mutates);
    }
}
