package dev.mysfits.workflow.local;

/** What `mysfits run` prints: the --output json shape. */
public record RunResult(String service, String container, String containerId, String image, int hostPort, String url) {
}
