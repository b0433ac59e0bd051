package dev.mysfits.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mysfits.core.ResourceType;

import java.time.Instant;

/**
 * One resource mysfits created, or one it reuses from the labs' stack and must leave when it cleans up (adopted).
 *
 * @param type      the kind of resource (see {@link ResourceType})
 * @param id        what deletes it: an ARN, a name, an id
 * @param service   the workshop service it belongs to, or null for shared infrastructure
 * @param region    the region it lives in ("global" for IAM)
 * @param createdAt when mysfits created it
 * @param port      for a listener, the port it listens on (deploy routes on it); else null. Ledgers written before
 *                  listeners had a port of their choosing lack it: those listen on 80.
 * @param adopted   true for a resource mysfits did not make (the stack outputs named it): cleanup leaves it; else null
 * @param name      for an adopted table, its name in mysfits.json's "tables"; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(ResourceType type, String id, String service, String region, Instant createdAt, Integer port,
                          Boolean adopted, String name) {

    public LedgerEntry(ResourceType type, String id, String service, String region, Instant createdAt) {
        this(type, id, service, region, createdAt, null, null, null);
    }

    /** Whether mysfits made it, so that cleanup deletes it. */
    public boolean owned() {
        return !Boolean.TRUE.equals(adopted);
    }
}
