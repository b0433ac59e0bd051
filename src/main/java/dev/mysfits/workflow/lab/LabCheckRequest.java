package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.lab.Lab;

/**
 * Check a lab's steps against what exists now.
 *
 * @param workshop the lab's workshop, read from the file the lab names
 * @param step     one step's id, or null for every step, in order
 */
public record LabCheckRequest(Lab lab, WorkshopConfig workshop, String step) {
}
