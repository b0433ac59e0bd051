package dev.mysfits.aws;

import java.util.Collection;
import java.util.List;

/**
 * Finds what mysfits created for a workshop by the mysfits:workshop tag (and, where AWS has no tags, by what
 * hangs off tagged resources), so cleanup works when the ledger is lost or incomplete.
 */
public interface TaggedResourceFinder {
    /**
     * @param workshop      the workshop name (the tag's value)
     * @param knownIds      ids from the ledger, used to look inside resources that lost their tag
     *                      (listeners of a recorded load balancer, services of a recorded cluster)
     */
    List<OwnedResource> find(String workshop, Collection<String> knownIds);
}
