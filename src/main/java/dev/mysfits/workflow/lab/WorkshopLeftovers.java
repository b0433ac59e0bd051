package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;

import java.util.List;

/** What of a workshop is still in AWS, found as cleanup finds it; read-only. */
@FunctionalInterface
public interface WorkshopLeftovers {
    /** Each resource left, as a person reads it ("load balancer trash-can-alb"); empty when nothing is left. */
    List<String> left(WorkshopConfig workshop);
}
