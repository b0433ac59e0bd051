package dev.mysfits.ledger;

import java.time.Instant;

/**
 * One resource mysfits created.
 *
 * @param type      the kind of resource (see {@link ResourceType})
 * @param id        what deletes it: an ARN, a name, an id
 * @param service   the workshop service it belongs to, or null for shared infrastructure
 * @param region    the region it lives in ("global" for IAM)
 * @param createdAt when mysfits created it
 */
public record LedgerEntry(ResourceType type, String id, String service, String region, Instant createdAt) {
}
