package dev.mysfits.workflow.task;

import dev.mysfits.config.WorkshopConfig;

public record ListTasksRequest(WorkshopConfig workshop, String service) {
}
