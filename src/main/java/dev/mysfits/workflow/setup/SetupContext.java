package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.SetupAdapters;

import dev.mysfits.aws.capacity.Capacity;
import dev.mysfits.aws.ecs.ContainerInstances;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.Sleeper;

import dev.mysfits.aws.ecs.Clusters.Cluster;
import dev.mysfits.aws.elbv2.LoadBalancers.LoadBalancer;
import dev.mysfits.aws.elbv2.LoadBalancers.Listener;
import dev.mysfits.aws.ec2.Network.SecurityGroup;
import dev.mysfits.aws.iam.Roles.Role;
import dev.mysfits.aws.dynamodb.Tables;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The setup workflow's inputs, and what its steps found or made, in the order they run. Fields a step has not
 * filled yet are null; in a dry run, resources that would be created stay null.
 */
public final class SetupContext {
    final ResourceNames names;
    final String region;
    final SetupRequest request;
    /** Each configured service's container port, by service name, in config order. */
    final Map<String, Integer> containerPorts;
    /**
     * The port the load balancer's HTTP listener is on: asked for, else the one setup made before, else 80; the stack's
     * listener's when setup reuses it.
     */
    int listenerPort;
    /** The port of the listener the ledger says setup made before, or null. */
    final Integer recordedListenerPort;

    String vpcId;
    List<String> subnetIds = List.of();
    /** The private subnets given now (ResolveNetworkStep), else those remembered (EnsurePrivateSubnetsStep). */
    List<String> privateSubnetIds = List.of();
    final Map<SecurityGroupRole, SecurityGroup> securityGroups = new LinkedHashMap<>();
    LoadBalancer loadBalancer;
    Listener listener;
    /** The load balancer and listener are the stack's: setup makes neither, nor the load balancer's security group. */
    boolean loadBalancerAdopted;
    Cluster cluster;
    final Map<String, String> logGroups = new LinkedHashMap<>();
    final Map<RoleKind, Role> roles = new LinkedHashMap<>();
    /** The services' own task roles ("taskRole"), by service name. */
    final Map<String, Role> serviceRoles = new LinkedHashMap<>();
    /** The DynamoDB tables of "tables", by their name in mysfits.json. */
    final Map<String, Tables.Table> tables = new LinkedHashMap<>();
    // EC2 capacity (setup --ec2)
    Capacity.InstanceType instanceType;
    String imageId;
    Capacity.InstanceProfile instanceProfile;
    Capacity.LaunchTemplate launchTemplate;
    Capacity.Group group;
    List<ContainerInstances.ContainerInstance> containerInstances = List.of();

    SetupContext(ResourceNames names, String region, SetupRequest request, Map<String, Integer> containerPorts) {
        this(names, region, request, containerPorts, null);
    }

    SetupContext(ResourceNames names, String region, SetupRequest request, Map<String, Integer> containerPorts,
                 Integer recordedListenerPort) {
        this.names = names;
        this.region = region;
        this.request = request;
        this.containerPorts = Map.copyOf(new LinkedHashMap<>(containerPorts));
        this.recordedListenerPort = recordedListenerPort;
        this.listenerPort = request.listenerPort() != null ? request.listenerPort()
                : recordedListenerPort != null ? recordedListenerPort : Infrastructure.LISTENER_PORT;
    }

    Map<String, String> tags() {
        return Map.of(ResourceNames.TAG_WORKSHOP, names.workshop());
    }

    void record(Ledger ledger, ResourceType type, String id, String service) {
        boolean global = type == ResourceType.IAM_ROLE || type == ResourceType.INSTANCE_PROFILE;
        ledger.record(type, id, service, global ? "global" : region);
    }

    String securityGroupId(SecurityGroupRole role) {
        SecurityGroup group = securityGroups.get(role);
        return group == null ? null : group.id();
    }

    /** What setup made, once every step has run for real. */
    Infrastructure state() {
        return new Infrastructure(names.workshop(), region, vpcId, subnetIds,
                securityGroupId(SecurityGroupRole.LOAD_BALANCER), securityGroupId(SecurityGroupRole.TASKS),
                loadBalancer.arn(), loadBalancer.dnsName(), Infrastructure.url(loadBalancer.dnsName(), listenerPort),
                listener.arn(), cluster.name(), cluster.arn(), roles.get(RoleKind.EXECUTION).arn(),
                roles.get(RoleKind.TASK).arn(), Map.copyOf(logGroups), privateSubnetIds, listenerPort);
    }
}
