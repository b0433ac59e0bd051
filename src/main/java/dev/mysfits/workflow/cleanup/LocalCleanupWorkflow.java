package dev.mysfits.workflow.cleanup;

import dev.mysfits.workflow.Confirmation;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.LocalResources;
import dev.mysfits.docker.LocalResources.LocalContainer;
import dev.mysfits.docker.LocalResources.LocalImage;
import dev.mysfits.docker.LocalResources.LocalNetwork;
import dev.mysfits.docker.LocalResources.LocalVolume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * cleanup --local: the containers run made (by label), the images build and push tagged (every tag of the
 * configured image names and ECR repositories), and labelled networks. Containers first: they hold images and networks.
 */
public final class LocalCleanupWorkflow implements Workflow<LocalCleanupRequest, LocalCleanupResult> {
    private final Events events;
    private final LocalResources local;
    private final Confirmation confirmation;

    public LocalCleanupWorkflow(Events events, LocalResources local, Confirmation confirmation) {
        this.events = events;
        this.local = local;
        this.confirmation = confirmation;
    }

    @Override
    public LocalCleanupResult execute(LocalCleanupRequest request) {
        String workshop = request.workshop();
        List<String> imageNames = request.imageNames();
        boolean dryRun = request.dryRun();
        boolean yes = request.yes();
        boolean volumes = request.volumes();
        events.stage("Looking for local containers, images, networks" + (volumes ? " and volumes" : "") + " of workshop " + workshop);
        List<LocalContainer> containers = local.containers(workshop);
        List<LocalImage> images = local.images(imageNames);
        List<LocalNetwork> networks = local.networks(workshop);
        List<LocalVolume> dataVolumes = volumes ? local.volumes(workshop) : List.of();
        int total = containers.size() + images.size() + networks.size() + dataVolumes.size();
        if (total == 0) {
            events.done("nothing to clean up locally for workshop " + workshop);
            mentionKeptVolumes(workshop, volumes);
            return new LocalCleanupResult(workshop, dryRun, List.of(), List.of(), List.of(), List.of());
        }
        List<String> planned = new ArrayList<>();
        containers.forEach(c -> planned.add("container " + c.name()));
        images.forEach(i -> planned.add("image " + i.reference()));
        networks.forEach(n -> planned.add("network " + n.name()));
        dataVolumes.forEach(v -> planned.add("volume " + v.name()));
        List<String> lines = new ArrayList<>();
        lines.add((dryRun ? "Would remove " : "Will remove ") + total + " local Docker resources:");
        containers.forEach(c -> lines.add("  container " + c.name() + (c.running() ? " (running)" : "")));
        images.forEach(i -> lines.add("  image " + i.reference()));
        networks.forEach(n -> lines.add("  network " + n.name()));
        dataVolumes.forEach(v -> lines.add("  volume " + v.name() + " (its data is lost)"));
        if (dryRun) {
            return new LocalCleanupResult(workshop, true, planned, lines, List.of(), List.of());
        }
        lines.forEach(events::note);
        if (!yes) {
            if (!confirmation.interactive()) {
                throw MysfitsException.usage("cleanup asks before deleting, and there is no terminal to ask on",
                        "pass --yes to delete without asking (or --dry-run to only list)");
            }
            if (!confirmation.confirm("Remove these " + total + " local resources? [y/N] ")) {
                events.warn("cancelled: nothing was removed");
                return new LocalCleanupResult(workshop, false, planned, lines, List.of(), List.of());
            }
        }
        List<String> deleted = new ArrayList<>();
        List<Map<String, String>> leftovers = new ArrayList<>();
        for (LocalContainer c : containers) {
            attempt("container " + c.name(), () -> local.removeContainer(c), deleted, leftovers);
        }
        for (LocalImage i : images) {
            attempt("image " + i.reference(), () -> local.removeImage(i), deleted, leftovers);
        }
        for (LocalNetwork n : networks) {
            attempt("network " + n.name(), () -> local.removeNetwork(n), deleted, leftovers);
        }
        for (LocalVolume v : dataVolumes) {
            attempt("volume " + v.name(), () -> local.removeVolume(v), deleted, leftovers);
        }
        LocalCleanupResult result = new LocalCleanupResult(workshop, false, planned, lines, deleted, leftovers);
        if (!leftovers.isEmpty()) {
            throw new ResourcesLeftException("local cleanup left " + leftovers.size() + " resources: "
                    + leftovers.get(0).get("reason"), "remove them with the docker CLI, or run cleanup --local again", result);
        }
        events.done("removed " + deleted.size() + " local resources: nothing left");
        mentionKeptVolumes(workshop, volumes);
        return result;
    }

    private void mentionKeptVolumes(String workshop, boolean volumesRemoved) {
        if (volumesRemoved) {
            return;
        }
        int kept = local.volumes(workshop).size();
        if (kept > 0) {
            events.note("kept " + kept + " volume" + (kept == 1 ? "" : "s") + " and " + (kept == 1 ? "its" : "their")
                    + " data: cleanup --local --volumes removes them");
        }
    }

    private void attempt(String what, Runnable removal, List<String> deleted, List<Map<String, String>> leftovers) {
        try {
            removal.run();
            deleted.add(what);
            events.made("removed " + what);
        } catch (MysfitsException e) {
            leftovers.add(Map.of("resource", what, "reason", e.getMessage()));
            events.warn(e.getMessage());
        }
    }
}
