package dev.mysfits.workflow.setup;

import dev.mysfits.config.TableConfig;
import dev.mysfits.config.TaskRoleConfig;
import dev.mysfits.core.ResourceNames;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param taskRoles      the services that ask for their own task role, by service name, in config order
 * @param tables         the DynamoDB tables to make and load
 * @param privateSubnetIds --private-subnets, for tasks without a public IP (deploy --private), or empty: the stack
 *                       outputs' PrivateSubnet* then, else what an earlier setup remembered
 * @param listenerPort   --listener-port, or null: the port of the listener setup made before, else 80
 * @param adoptedRepositories the ECR repositories the stack outputs name, by service: setup checks that they exist and
 *                       records them as the stack's, so cleanup leaves them (a table the stack made comes in
 *                       {@code tables}, adopted)
 * @param adoptedLoadBalancer the stack's load balancer (ARN or DNS name) the outputs name, or null
 * @param adoptedListener the stack's listener ARN the outputs name, or null
 * @param loadStackTables load the items files into the stack's tables too (--load-items); setup leaves their data
 *                       as it is otherwise
 */
public record SetupRequest(ResourceNames names, Map<String, Integer> containerPorts, String vpcId, List<String> subnetIds,
                           Path stackOutputs, boolean dryRun, CapacityRequest capacity, Map<String, TaskRoleConfig> taskRoles,
                           List<TableConfig> tables, List<String> privateSubnetIds, Integer listenerPort,
                           Map<String, String> adoptedRepositories, String adoptedLoadBalancer, String adoptedListener,
                           boolean loadStackTables) {
    public SetupRequest {
        privateSubnetIds = privateSubnetIds == null ? List.of() : List.copyOf(privateSubnetIds);
        adoptedRepositories = adoptedRepositories == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(adoptedRepositories));
        containerPorts = Map.copyOf(containerPorts);
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
        taskRoles = taskRoles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(taskRoles));
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public SetupRequest(ResourceNames names, Map<String, Integer> containerPorts, String vpcId, List<String> subnetIds,
                        Path stackOutputs, boolean dryRun, CapacityRequest capacity, Map<String, TaskRoleConfig> taskRoles,
                        List<TableConfig> tables, Integer listenerPort, Map<String, String> adoptedRepositories,
                        String adoptedLoadBalancer, String adoptedListener, boolean loadStackTables) {
        this(names, containerPorts, vpcId, subnetIds, stackOutputs, dryRun, capacity, taskRoles, tables, List.of(), listenerPort,
                adoptedRepositories, adoptedLoadBalancer, adoptedListener, loadStackTables);
    }

    public SetupRequest(ResourceNames names, Map<String, Integer> containerPorts, String vpcId, List<String> subnetIds,
                        Path stackOutputs, boolean dryRun, CapacityRequest capacity, Map<String, TaskRoleConfig> taskRoles,
                        List<TableConfig> tables, List<String> privateSubnetIds) {
        this(names, containerPorts, vpcId, subnetIds, stackOutputs, dryRun, capacity, taskRoles, tables, privateSubnetIds, null,
                Map.of(), null, null, false);
    }

    public SetupRequest(ResourceNames names, Map<String, Integer> containerPorts, String vpcId, List<String> subnetIds,
                        Path stackOutputs, boolean dryRun, CapacityRequest capacity, Map<String, TaskRoleConfig> taskRoles,
                        List<TableConfig> tables) {
        this(names, containerPorts, vpcId, subnetIds, stackOutputs, dryRun, capacity, taskRoles, tables, List.of());
    }

    public SetupRequest(ResourceNames names, Map<String, Integer> containerPorts, String vpcId, List<String> subnetIds,
                        Path stackOutputs, boolean dryRun, CapacityRequest capacity) {
        this(names, containerPorts, vpcId, subnetIds, stackOutputs, dryRun, capacity, Map.of(), List.of());
    }

    public SetupRequest withListenerPort(Integer port) {
        return new SetupRequest(names, containerPorts, vpcId, subnetIds, stackOutputs, dryRun, capacity, taskRoles, tables,
                privateSubnetIds, port, adoptedRepositories, adoptedLoadBalancer, adoptedListener, loadStackTables);
    }

    public SetupRequest withAdoptedRepositories(Map<String, String> repositories) {
        return new SetupRequest(names, containerPorts, vpcId, subnetIds, stackOutputs, dryRun, capacity, taskRoles, tables,
                privateSubnetIds, listenerPort, repositories, adoptedLoadBalancer, adoptedListener, loadStackTables);
    }

    /** With the stack's load balancer (ARN or DNS name) and its listener (ARN); either may be null. */
    public SetupRequest withAdoptedLoadBalancer(String loadBalancer, String listener) {
        return new SetupRequest(names, containerPorts, vpcId, subnetIds, stackOutputs, dryRun, capacity, taskRoles, tables,
                privateSubnetIds, listenerPort, adoptedRepositories, loadBalancer, listener, loadStackTables);
    }

    public SetupRequest withLoadStackTables(boolean load) {
        return new SetupRequest(names, containerPorts, vpcId, subnetIds, stackOutputs, dryRun, capacity, taskRoles, tables,
                privateSubnetIds, listenerPort, adoptedRepositories, adoptedLoadBalancer, adoptedListener, load);
    }
}
