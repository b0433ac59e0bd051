package dev.mysfits.workflow.init;

import java.util.List;

/** What init wrote (or, in a dry run, would write): the files, relative to the workshop directory, and the services. */
public record InitResult(String workshop, List<String> files, List<ServiceCandidate> services, boolean dryRun) {
}
