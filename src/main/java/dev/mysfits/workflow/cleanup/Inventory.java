package dev.mysfits.workflow.cleanup;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.LedgerEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything mysfits made for a workshop: the ledger ∪ what tag discovery found. A ledger entry that discovery
 * did not see is kept as is (it may have lost its tag, or be gone already: deleting it then counts as done).
 */
public final class Inventory {
    private final List<OwnedResource> resources;

    private Inventory(List<OwnedResource> resources) {
        this.resources = resources.stream()
                .sorted(Comparator.comparing(OwnedResource::type).thenComparing(OwnedResource::name))
                .toList();
    }

    public static Inventory of(List<OwnedResource> resources) {
        return new Inventory(resources);
    }

    public static Inventory assemble(Collection<LedgerEntry> ledger, Collection<OwnedResource> found, ResourceNames names) {
        List<OwnedResource> all = new ArrayList<>(found);
        for (LedgerEntry entry : ledger) {
            OwnedResource match = found.stream().filter(r -> r.matches(entry.type(), entry.id())).findFirst().orElse(null);
            if (match == null) {
                all.add(fromLedger(entry, names));
            } else if (match.service() == null && entry.service() != null) {
                // the ledger knows the owner of a resource discovery could only guess: trust the ledger
                all.set(all.indexOf(match), match.withService(entry.service()));
            }
        }
        return new Inventory(all);
    }

    private static OwnedResource fromLedger(LedgerEntry entry, ResourceNames names) {
        String parent = switch (entry.type()) {
            case SERVICE -> names.cluster();
            case SCALING_POLICY -> entry.service() == null ? null
                    : "service/" + names.cluster() + "/" + names.ecsService(entry.service());
            default -> null;
        };
        return OwnedResource.of(entry.type(), entry.id(), displayName(entry.type(), entry.id()), entry.service(), parent);
    }

    /** A readable name from an ARN: ".../targetgroup/NAME/hash" → NAME, ".../task-definition/NAME:3" → NAME:3. */
    static String displayName(ResourceType type, String id) {
        if (!id.startsWith("arn:")) {
            return id;
        }
        String[] parts = id.split("/");
        return switch (type) {
            case TARGET_GROUP, LOAD_BALANCER -> parts.length >= 3 ? parts[parts.length - 2] : id;
            case LISTENER_RULE, LISTENER, SCALING_POLICY -> id;
            default -> parts[parts.length - 1];
        };
    }

    public List<OwnedResource> resources() {
        return resources;
    }

    public boolean isEmpty() {
        return resources.isEmpty();
    }

    public Set<String> services() {
        Set<String> services = new LinkedHashSet<>();
        resources.stream().map(OwnedResource::service).filter(s -> s != null).forEach(services::add);
        return services;
    }

    /** What the request deletes: a service filter keeps only those services' resources, never shared ones. */
    public Inventory select(CleanupRequest request) {
        List<OwnedResource> selected = resources.stream()
                .filter(r -> request.services().isEmpty() ? !(request.keepInfra() && r.shared())
                        : !r.shared() && request.services().contains(r.service()))
                .filter(r -> !(request.keepImages() && r.type() == ResourceType.ECR_REPOSITORY))
                .toList();
        return new Inventory(selected);
    }

    /**
     * Listeners (selected or not) whose default action forwards to a target group being deleted: they get a fixed
     * 404 first, else the target group stays in use.
     */
    public List<OwnedResource> listenersToReset(Inventory selection) {
        Set<String> doomed = new LinkedHashSet<>();
        selection.resources.stream().filter(r -> r.type() == ResourceType.TARGET_GROUP).forEach(r -> doomed.add(r.id()));
        return resources.stream()
                .filter(r -> r.type() == ResourceType.LISTENER)
                .filter(r -> r.references().stream().anyMatch(doomed::contains))
                .toList();
    }

    public List<OwnedResource> ofType(ResourceType type) {
        return resources.stream().filter(r -> r.type() == type).toList();
    }

    public int size() {
        return resources.size();
    }
}
