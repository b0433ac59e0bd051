package dev.mysfits.workflow.local;

/** What `mysfits stop` prints: whether a container was there to stop. */
public record StopResult(String service, String container, boolean stopped) {
}
