package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceNames;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What setup makes, and where. With no VPC, subnets or stack outputs: the region's default VPC and its default subnets.
 *
 * @param names          the workshop's resource names
 * @param containerPorts each configured service's container port, by service name
 * @param vpcId          --vpc-id, or null
 * @param subnetIds      --subnets, or empty
 * @param stackOutputs   --stack-outputs, a CloudFormation outputs file, or null (not with the two above)
 * @param dryRun         plan only
 * @param capacity       EC2 capacity for the EC2 launch type (--ec2), or null to leave it as it is
 */
public record SetupRequest(ResourceNames names, Map<String, Integer> containerPorts, String vpcId, List<String> subnetIds,
                           Path stackOutputs, boolean dryRun, CapacityRequest capacity) {
    public SetupRequest {
        containerPorts = Map.copyOf(containerPorts);
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
    }
}
