package dev.mysfits.workflow.setup;

import java.nio.file.Path;
import java.util.List;

/**
 * Where setup puts the load balancer and tasks. All empty: the region's default VPC and its default subnets.
 *
 * @param vpcId        --vpc-id, or null
 * @param subnetIds    --subnets, or empty
 * @param stackOutputs --stack-outputs, a CloudFormation outputs file, or null (not with the two above)
 * @param dryRun       plan only
 * @param capacity     EC2 capacity for the EC2 launch type (--ec2), or null to leave it as it is
 */
public record SetupRequest(String vpcId, List<String> subnetIds, Path stackOutputs, boolean dryRun, CapacityRequest capacity) {
    public SetupRequest {
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
    }

    public SetupRequest(String vpcId, List<String> subnetIds, Path stackOutputs, boolean dryRun) {
        this(vpcId, subnetIds, stackOutputs, dryRun, null);
    }
}
