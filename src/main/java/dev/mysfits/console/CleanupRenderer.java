package dev.mysfits.console;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.workflow.cleanup.CleanupPlan;
import dev.mysfits.workflow.cleanup.CleanupResult;
import dev.mysfits.workflow.cleanup.Leftover;
import dev.mysfits.workflow.cleanup.LocalCleanupResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What cleanup answers on stdout: a dry run's plan (the answer to "what would go?"), and JSON for scripts. How the
 * deletions went was said on stderr as they happened.
 */
public final class CleanupRenderer {
    private final Console console;

    public CleanupRenderer(Console console) {
        this.console = console;
    }

    public void render(CleanupResult result) {
        if (result.dryRun() && !result.planned().isEmpty()) {
            if (console.jsonOutput()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("dryRun", true);
                json.put("wouldDelete", result.planned().stream().map(CleanupRenderer::json).toList());
                json.put("listenersResetTo404", result.resets().stream().map(OwnedResource::id).toList());
                console.json(json);
            } else {
                CleanupPlan.lines(result.workshop(), result.planned(), result.resets(), true).forEach(console::data);
            }
            return;
        }
        if (console.jsonOutput()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("deleted", result.deleted().stream().map(CleanupRenderer::json).toList());
            json.put("leftovers", result.leftovers().stream().map(CleanupRenderer::json).toList());
            console.json(json);
        }
    }

    public void render(LocalCleanupResult result) {
        if (result.dryRun() && !result.planned().isEmpty()) {
            if (console.jsonOutput()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("dryRun", true);
                json.put("wouldRemove", result.planned());
                console.json(json);
            } else {
                result.plan().forEach(console::data);
            }
            return;
        }
        if (console.jsonOutput()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("deleted", result.deleted());
            json.put("leftovers", result.leftovers());
            console.json(json);
        }
    }

    private static Map<String, Object> json(Leftover leftover) {
        Map<String, Object> item = json(leftover.resource());
        item.put("reason", leftover.reason());
        return item;
    }

    private static Map<String, Object> json(OwnedResource resource) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", resource.type().name().toLowerCase(Locale.ROOT));
        item.put("name", resource.name());
        item.put("id", resource.id());
        item.put("service", resource.service());
        item.put("costsMoney", resource.costsMoney());
        return item;
    }
}
