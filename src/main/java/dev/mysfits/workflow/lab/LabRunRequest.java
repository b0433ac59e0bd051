package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.lab.Lab;

/**
 * Solve and check a lab's steps in order.
 *
 * @param from the first step's id, or null for the lab's first
 * @param to   the last step's id, or null for the lab's last
 * @param yes  the user accepts that steps which cost money on AWS make what they make
 */
public record LabRunRequest(Lab lab, WorkshopConfig workshop, String from, String to, boolean yes) {
}
