package dev.mysfits.workflow.inventory;

import java.util.List;

/** What `mysfits ps` found: the workshop's local containers, by service then name; none is an empty list. */
public record PsResult(String workshop, List<LocalContainer> containers) {
    public PsResult {
        containers = List.copyOf(containers);
    }
}
