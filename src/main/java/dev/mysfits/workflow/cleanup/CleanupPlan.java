package dev.mysfits.workflow.cleanup;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.core.ResourceType;

import java.util.ArrayList;
import java.util.List;

/** Cleanup's plan as lines, grouped by kind with costs marked: on stderr before the question, on stdout for a dry run. */
public final class CleanupPlan {
    private CleanupPlan() {
    }

    public static List<String> lines(String workshop, List<OwnedResource> selection, List<OwnedResource> resets, boolean dryRun) {
        Inventory inventory = Inventory.of(selection);
        List<String> lines = new ArrayList<>();
        long paying = selection.stream().filter(OwnedResource::costsMoney).count();
        lines.add((dryRun ? "Would delete " : "Will delete ") + selection.size() + " resources of workshop " + workshop
                + (paying == 0 ? "" : " (" + paying + " marked $ cost money while they exist)") + ":");
        for (ResourceType type : ResourceType.values()) {
            List<OwnedResource> ofType = inventory.ofType(type);
            if (ofType.isEmpty()) {
                continue;
            }
            lines.add("  " + OwnedResource.label(type) + " (" + ofType.size() + ")");
            for (OwnedResource resource : ofType) {
                lines.add("    " + (resource.costsMoney() ? "$ " : "- ") + resource.name()
                        + (resource.service() == null ? "" : "  [" + resource.service() + "]")
                        + (resource.costsMoney() ? "  " + resource.cost() : ""));
            }
        }
        for (OwnedResource listener : resets) {
            lines.add("  and point listener " + listener.name() + "'s default action at a fixed 404");
        }
        return lines;
    }
}
