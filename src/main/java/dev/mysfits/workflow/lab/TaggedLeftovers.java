package dev.mysfits.workflow.lab;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.TaggedResourceFinder;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link WorkshopLeftovers} with the finder cleanup uses: the workshop's tag, and the ledger's ids to look inside
 * what lost its tag. What the workshop adopted (a stack's load balancer and its listeners) is not the workshop's to
 * remove, so it does not count, as cleanup does not delete it.
 */
public final class TaggedLeftovers implements WorkshopLeftovers {
    private static final Set<String> GLOBAL_REGIONS = Set.of("global", "");

    private final Supplier<TaggedResourceFinder> finder;
    private final Function<WorkshopConfig, Ledger> ledger;
    private final Supplier<String> region;

    public TaggedLeftovers(Supplier<TaggedResourceFinder> finder, Function<WorkshopConfig, Ledger> ledger, Supplier<String> region) {
        this.finder = finder;
        this.ledger = ledger;
        this.region = region;
    }

    @Override
    public List<String> left(WorkshopConfig workshop) {
        String here = region.get();
        Ledger entries = ledger.apply(workshop);
        List<LedgerEntry> inRegion = entries.entries(e -> e.region() == null || GLOBAL_REGIONS.contains(e.region())
                || e.region().equals(here));
        Set<String> adopted = new HashSet<>();
        Set<String> stackBalancers = new HashSet<>();
        Set<String> known = new LinkedHashSet<>();
        for (LedgerEntry entry : inRegion) {
            if (entry.owned()) {
                known.add(entry.id());
            } else {
                adopted.add(entry.id());
                if (entry.type() == ResourceType.LOAD_BALANCER) {
                    stackBalancers.add(entry.id());
                    known.add(entry.id());
                }
            }
        }
        return finder.get().find(workshop.name(), known).stream()
                .filter(r -> !adopted.contains(r.id()))
                .filter(r -> !(r.type() == ResourceType.LISTENER && stackBalancers.contains(r.parent())))
                .map(OwnedResource::describe)
                .toList();
    }
}
