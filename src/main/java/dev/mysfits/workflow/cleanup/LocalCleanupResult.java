package dev.mysfits.workflow.cleanup;

import java.util.List;
import java.util.Map;

/**
 * What cleanup --local removed and what it left, or would remove (a dry run).
 *
 * @param planned   the resources found, as "container NAME", "image REF", ... (what a dry run would remove)
 * @param plan      the same as lines for a person, the first saying how many
 * @param leftovers each with its "resource" and the "reason" it stayed
 */
public record LocalCleanupResult(String workshop, boolean dryRun, List<String> planned, List<String> plan,
                                 List<String> deleted, List<Map<String, String>> leftovers) {
    public LocalCleanupResult {
        planned = List.copyOf(planned);
        plan = List.copyOf(plan);
        deleted = List.copyOf(deleted);
        leftovers = List.copyOf(leftovers);
    }
}
