package dev.mysfits.workflow.cleanup;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.console.Console;
import dev.mysfits.core.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How cleanup shows its plan and its result: grouped lists, costs marked, JSON for scripts. */
final class CleanupPrinter {
    private final Console console;

    CleanupPrinter(Console console) {
        this.console = console;
    }

    void nothingToDo(String workshop, List<String> services) {
        if (console.jsonOutput()) {
            console.json(Map.of("deleted", List.of(), "leftovers", List.of()));
        }
        console.success("nothing to clean up: " + (services.isEmpty() ? "workshop " + workshop
                : "service " + String.join(", ", services) + " of workshop " + workshop) + " has no resources left");
    }

    /** The plan: on stdout for a dry run (it is the answer), on stderr before the question otherwise. */
    void plan(String workshop, Inventory selection, List<OwnedResource> resets, boolean dryRun) {
        if (dryRun && console.jsonOutput()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", true);
            json.put("wouldDelete", selection.resources().stream().map(CleanupPrinter::json).toList());
            json.put("listenersResetTo404", resets.stream().map(OwnedResource::id).toList());
            console.json(json);
            return;
        }
        List<String> lines = new ArrayList<>();
        long paying = selection.resources().stream().filter(OwnedResource::costsMoney).count();
        lines.add((dryRun ? "Would delete " : "Will delete ") + selection.size() + " resources of workshop " + workshop
                + (paying == 0 ? "" : " (" + paying + " marked $ cost money while they exist)") + ":");
        for (ResourceType type : ResourceType.values()) {
            List<OwnedResource> ofType = selection.ofType(type);
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
        lines.forEach(dryRun ? console::data : console::info);
    }

    void deleted(OwnedResource resource) {
        String done = resource.type() == ResourceType.TASK ? " stopped " : " deleted ";
        console.info(console.paint("32", "✔") + done + resource.describe());
    }

    void result(CleanupResult result) {
        if (console.jsonOutput()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("deleted", result.deleted().stream().map(CleanupPrinter::json).toList());
            json.put("leftovers", result.leftovers().stream().map(l -> {
                Map<String, Object> item = json(l.resource());
                item.put("reason", l.reason());
                return item;
            }).toList());
            console.json(json);
        }
        if (result.clean()) {
            console.success("deleted " + result.deleted().size() + " resources: nothing left");
            return;
        }
        console.warn(result.leftovers().size() + " resources are left:");
        for (Leftover leftover : result.leftovers()) {
            OwnedResource r = leftover.resource();
            console.info((r.costsMoney() ? "$ " : "- ") + r.describe()
                    + (r.costsMoney() ? "  (costs money: " + r.cost() + ")" : "") + ": " + leftover.reason());
        }
    }

    private static Map<String, Object> json(OwnedResource resource) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", resource.type().name().toLowerCase(java.util.Locale.ROOT));
        item.put("name", resource.name());
        item.put("id", resource.id());
        item.put("service", resource.service());
        item.put("costsMoney", resource.costsMoney());
        return item;
    }
}
