package dev.mysfits.workflow.lab;

/** Whether an AWS resource of a kind exists now, by its name; read-only. */
@FunctionalInterface
public interface ResourceLookup {
    /**
     * @param type one of the lab file's resource types but "workshop": cluster, load-balancer, repository,
     *             log-group, service (in the workshop's cluster), target-group, table, role
     */
    boolean exists(String type, String name, String cluster);
}
