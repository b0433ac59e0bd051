package dev.mysfits.workflow.scale;

public record ScaleResult(String service, String serviceArn, int previousCount, int desired, int running,
                          boolean changed) {
}
