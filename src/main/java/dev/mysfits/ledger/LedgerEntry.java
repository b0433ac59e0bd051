package dev.mysfits.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One resource mysfits created.
 *
 * @param type      the kind of resource (see {@link ResourceType})
 * @param id        what deletes it: an ARN, a name, an id
 * @param service   the workshop service it belongs to, or null for shared infrastructure
 * @param region    the region it lives in ("global" for IAM)
 * @param createdAt when mysfits created it
 * @param port      for a listener, the port it listens on (deploy routes on it); else null. Ledgers written before
 *                  listeners had a port of their choosing lack it: those listen on 80.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(ResourceType type, String id, String service, String region, Instant createdAt, Integer port) {

    public LedgerEntry(ResourceType type, String id, String service, String region, Instant createdAt) {
        this(type, id, service, region, createdAt, null);
    }
}
