package dev.mysfits.workflow.local;

/**
 * How a one-off container ended: the --output json shape of `mysfits run-image`.
 *
 * @param pulled whether the image had to be pulled first
 * @param output what the container wrote, when it was collected rather than streamed (--output json), else null
 */
public record RunImageResult(String image, String container, boolean pulled, int exitCode, String output) {
}
