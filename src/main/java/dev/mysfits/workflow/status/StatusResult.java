package dev.mysfits.workflow.status;

import java.util.List;

/**
 * The workshop's services as deployed, and the cluster's container instances with the tasks of these services on
 * each (none on Fargate).
 */
public record StatusResult(List<ServiceStatus> services, List<ServiceStatus.InstanceStatus> instances) {
    public StatusResult {
        services = List.copyOf(services);
        instances = List.copyOf(instances);
    }
}
