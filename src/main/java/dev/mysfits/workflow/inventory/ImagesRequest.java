package dev.mysfits.workflow.inventory;

import dev.mysfits.config.WorkshopConfig;

/** @param service one service of the workshop, or null for all of them */
public record ImagesRequest(WorkshopConfig workshop, String service) {
}
