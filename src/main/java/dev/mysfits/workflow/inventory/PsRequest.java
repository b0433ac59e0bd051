package dev.mysfits.workflow.inventory;

import dev.mysfits.config.WorkshopConfig;

public record PsRequest(WorkshopConfig workshop) {
}
