package dev.mysfits.workflow.status;

import dev.mysfits.config.WorkshopConfig;

/** @param service one service of the workshop, or null for all of them */
public record StatusRequest(WorkshopConfig workshop, String service) {
}
