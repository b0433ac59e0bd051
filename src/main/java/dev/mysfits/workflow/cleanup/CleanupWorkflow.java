package dev.mysfits.workflow.cleanup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.core.Sleeper;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.TaggedResourceFinder;
import dev.mysfits.workflow.Confirmation;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.Interrupted;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes what mysfits created for a workshop, stage by stage in dependency order (ResourceType's order:
 * scaling → services → rules → target groups → listeners → ALB → repositories → log groups → task definitions →
 * roles → security groups → cluster), each stage in parallel. Each resource leaves the ledger as soon as it is
 * gone, so an interrupted cleanup resumes where it stopped.
 *
 * <p>Not built on {@link dev.mysfits.workflow.StepRunner}: its steps run one after another, and a stage here is a
 * set of independent deletions that run together and may partly fail.
 */
public final class CleanupWorkflow implements Workflow<CleanupRequest, CleanupResult> {
    private static final int THREADS = 4;
    private static final Set<String> GLOBAL_REGIONS = Set.of("global", "");

    private final Events events;
    private final Ledger ledger;
    private final TaggedResourceFinder finder;
    private final ResourceDeleter deleter;
    private final Confirmation confirmation;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final String region;

    public CleanupWorkflow(Events events, Ledger ledger, TaggedResourceFinder finder, ResourceDeleter deleter,
                           Confirmation confirmation, RetryPolicy retry, Sleeper sleeper, String region) {
        this.events = events;
        this.ledger = ledger;
        this.finder = finder;
        this.deleter = deleter;
        this.confirmation = confirmation;
        this.retry = retry;
        this.sleeper = sleeper;
        this.region = region;
    }

    /**
     * @param workshop           the workshop name
     * @param configuredServices the services mysfits.json names (a filter may also name services only AWS still has)
     * @throws MysfitsException exit 1 when anything is left, exit 2 when it may not ask and has no --yes
     */
    @Override
    public CleanupResult execute(CleanupRequest request) {
        String workshop = request.workshop();
        Collection<String> configuredServices = request.configuredServices();
        ResourceNames names = new ResourceNames(workshop);
        events.stage("Looking for the resources of workshop " + workshop);
        // What the stack made and mysfits only reuses (adopted) stays: it is not the workshop's to delete.
        List<LedgerEntry> entries = ledger.entries(e -> inThisRegion(e) && e.owned());
        // The stack's load balancer is looked at too, for the rules mysfits put on its listener and that listener's
        // default action, but neither it nor its listeners are the workshop's to delete.
        Set<String> adopted = new HashSet<>();
        Set<String> stackBalancers = new HashSet<>();
        for (LedgerEntry entry : ledger.entries(e -> inThisRegion(e) && !e.owned())) {
            adopted.add(entry.id());
            if (entry.type() == ResourceType.LOAD_BALANCER) {
                stackBalancers.add(entry.id());
            }
        }
        List<String> known = new ArrayList<>(entries.stream().map(LedgerEntry::id).toList());
        known.addAll(stackBalancers);
        List<OwnedResource> discovered = finder.find(workshop, known);
        List<OwnedResource> stackListeners = discovered.stream()
                .filter(r -> r.type() == ResourceType.LISTENER && stackBalancers.contains(r.parent())).toList();
        List<OwnedResource> found = discovered.stream()
                .filter(r -> !adopted.contains(r.id()) && !stackListeners.contains(r)).toList();
        Inventory all = Inventory.assemble(entries, found, names);
        for (String service : request.services()) {
            if (!configuredServices.contains(service) && !all.services().contains(service)) {
                throw MysfitsException.usage("unknown service '" + service + "': the workshop has "
                                + String.join(", ", configuredServices),
                        "name one of those services, or run 'mysfits cleanup' for everything");
            }
        }
        Inventory selection = all.select(request);
        List<OwnedResource> resets = new ArrayList<>(all.listenersToReset(selection));
        Set<String> doomed = new HashSet<>(selection.ofType(ResourceType.TARGET_GROUP).stream().map(OwnedResource::id).toList());
        stackListeners.stream().filter(l -> l.references().stream().anyMatch(doomed::contains)).forEach(resets::add);
        if (selection.isEmpty()) {
            List<String> services = request.services();
            events.done("nothing to clean up: " + (services.isEmpty() ? "workshop " + workshop
                    : "service " + String.join(", ", services) + " of workshop " + workshop) + " has no resources left");
            return new CleanupResult(workshop, request.dryRun(), List.of(), List.of(), List.of(), List.of());
        }
        if (request.dryRun()) {
            return new CleanupResult(workshop, true, selection.resources(), resets, List.of(), List.of());
        }
        CleanupPlan.lines(workshop, selection.resources(), resets, false).forEach(events::note);
        if (!request.yes() && !confirmed(selection)) {
            events.warn("cancelled: nothing was deleted");
            return new CleanupResult(workshop, false, selection.resources(), resets, List.of(), List.of());
        }

        events.stage("Deleting " + selection.size() + " resources");
        List<OwnedResource> deleted = new ArrayList<>();
        List<Leftover> leftovers = new ArrayList<>();
        try (ParallelDeleter parallel = new ParallelDeleter(deleter, retry, sleeper, THREADS)) {
            for (ResourceType type : ResourceType.values()) {
                List<OwnedResource> stage = selection.ofType(type);
                if (!stage.isEmpty()) {
                    ParallelDeleter.Outcome outcome = parallel.delete(stage, this::gone);
                    deleted.addAll(outcome.deleted());
                    leftovers.addAll(outcome.leftovers());
                }
                if (type == ResourceType.LISTENER_RULE) {
                    resets.forEach(this::resetDefaultAction);
                }
            }
        } catch (InterruptedException e) {
            throw new Interrupted(e);
        }
        CleanupResult result = new CleanupResult(workshop, false, selection.resources(), resets, deleted, leftovers);
        if (result.clean()) {
            events.done("deleted " + deleted.size() + " resources: nothing left");
            if (request.services().isEmpty() && !request.keepInfra()) {
                forgetAdopted();
            }
            return result;
        }
        events.warn(leftovers.size() + " resources are left:");
        for (Leftover leftover : leftovers) {
            OwnedResource r = leftover.resource();
            events.note((r.costsMoney() ? "$ " : "- ") + r.describe()
                    + (r.costsMoney() ? "  (costs money: " + r.cost() + ")" : "") + ": " + leftover.reason());
        }
        long paying = leftovers.stream().filter(l -> l.resource().costsMoney()).count();
        throw new ResourcesLeftException("cleanup left " + leftovers.size() + " resources"
                + (paying == 0 ? "" : ", " + paying + " of them cost money"),
                "run 'mysfits cleanup --yes' again in a minute (it resumes); if they stay, delete them in the AWS console", result);
    }

    /**
     * Once the workshop is gone, it no longer reuses what the stack made: the stack's tables and repositories stay in
     * AWS, untouched, and leave the ledger, so a later setup starts afresh.
     */
    private void forgetAdopted() {
        for (LedgerEntry entry : ledger.entries(e -> inThisRegion(e) && !e.owned())) {
            ledger.forget(entry.type(), entry.id());
            events.note("left " + OwnedResource.label(entry.type()) + " " + entry.id() + " as it is: the stack made it, not mysfits");
        }
    }

    private boolean confirmed(Inventory selection) {
        String question = "Delete these " + selection.size() + " resources? [y/N] ";
        if (!confirmation.interactive()) {
            throw MysfitsException.usage("cleanup asks before deleting, and there is no terminal to ask on",
                    "pass --yes to delete without asking (or --dry-run to only list)");
        }
        return confirmation.confirm(question);
    }

    private void gone(OwnedResource resource) {
        for (LedgerEntry entry : ledger.entries(e -> resource.matches(e.type(), e.id()))) {
            ledger.forget(entry.type(), entry.id());
        }
        events.made((resource.type() == ResourceType.TASK ? "stopped " : "deleted ") + resource.describe());
    }

    private void resetDefaultAction(OwnedResource listener) {
        try {
            deleter.resetDefaultAction(listener);
            events.made("listener " + listener.name() + " now answers 404 by default");
        } catch (MysfitsException e) {
            if (e.exitCode() == ExitCode.PRECONDITION) {
                throw e;
            }
            events.warn(e.getMessage());
        }
    }

    private boolean inThisRegion(LedgerEntry entry) {
        return entry.region() == null || GLOBAL_REGIONS.contains(entry.region()) || entry.region().equals(region);
    }
}
