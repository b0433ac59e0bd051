package dev.mysfits.workflow.lab;

/**
 * How one probe of a step's check went.
 *
 * @param kind        the probe's kind: http, service, image, container, log, resource, file
 * @param description what was looked at, as a person reads it ("GET / on inv's local port answers 200")
 * @param detail      what was found instead, when it failed ("answered 503"); null when it passed
 * @param hint        what to do about it, from the lab file
 */
public record ProbeResult(String kind, String description, boolean passed, String detail, String hint) {
}
