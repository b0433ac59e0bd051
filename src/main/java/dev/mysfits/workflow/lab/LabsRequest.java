package dev.mysfits.workflow.lab;

import java.nio.file.Path;

/**
 * Which labs to show, with each step's last check.
 *
 * @param folder the labs/ folder
 * @param lab    one lab's id, or null for all
 */
public record LabsRequest(Path folder, String lab) {
}
