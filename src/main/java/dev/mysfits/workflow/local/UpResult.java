package dev.mysfits.workflow.local;

import java.util.List;

/** What `mysfits up` prints: one entry per service, in start order (the --output json shape). */
public record UpResult(List<Service> services) {
    /**
     * @param state "started", "replaced" (its settings or image changed) or "unchanged" (already running as asked)
     * @param url   where it answers on this machine, or null when only other services reach it
     */
    public record Service(String service, String container, String image, String state, String url) {
    }

    public UpResult {
        services = List.copyOf(services);
    }
}
