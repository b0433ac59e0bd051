package dev.mysfits.workflow.autoscale;

import dev.mysfits.aws.autoscaling.ServiceAutoScaler;
import dev.mysfits.core.ResourceNames;

/**
 * @param names     the workshop's resource names
 * @param service   the service as named in mysfits.json (also the ECS service name)
 * @param min       fewest tasks (ignored with off)
 * @param max       most tasks (ignored with off)
 * @param cpuTarget average CPU percent to hold, 1 to 100 (ignored with off)
 * @param off       remove the policy and the scalable target instead
 * @param dryRun    show the changes, make none
 */
public record AutoscaleRequest(ResourceNames names, String service, int min, int max, int cpuTarget, boolean off,
                               boolean dryRun) {
    public String resourceId() {
        return ServiceAutoScaler.resourceId(names.cluster(), names.ecsService(service));
    }

    public String policyName() {
        return names.workshop() + "-" + service + "-cpu";
    }
}
