package dev.mysfits.aws.ec2;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ConnectivityType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link Network} on the EC2 API. Lookups use filters, which answer "none" for unknown ids instead of failing. */
public final class Ec2Network implements Network {
    private final Ec2Client ec2;
    private final Eventually eventually;

    public Ec2Network(Ec2Client ec2, Eventually eventually) {
        this.ec2 = ec2;
        this.eventually = eventually;
    }

    @Override
    public Optional<Vpc> defaultVpc() {
        return vpcs("ec2 describe default VPC", filter("isDefault", "true")).stream().findFirst();
    }

    @Override
    public Optional<Vpc> vpc(String vpcId) {
        return vpcs("ec2 describe VPC " + vpcId, filter("vpc-id", vpcId)).stream().findFirst();
    }

    private List<Vpc> vpcs(String doing, Filter filter) {
        try {
            return ec2.describeVpcsPaginator(r -> r.filters(filter)).vpcs().stream()
                    .map(v -> new Vpc(v.vpcId(), v.cidrBlock(), Boolean.TRUE.equals(v.isDefault())))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.wrap(doing, e);
        }
    }

    @Override
    public List<Subnet> subnetsOf(String vpcId) {
        return subnets("ec2 describe subnets of " + vpcId, filter("vpc-id", vpcId));
    }

    @Override
    public List<Subnet> subnets(List<String> subnetIds) {
        if (subnetIds.isEmpty()) {
            return List.of();
        }
        return subnets("ec2 describe subnets " + String.join(",", subnetIds),
                Filter.builder().name("subnet-id").values(subnetIds).build());
    }

    private List<Subnet> subnets(String doing, Filter filter) {
        try {
            return ec2.describeSubnetsPaginator(r -> r.filters(filter)).subnets().stream()
                    .map(s -> new Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(),
                            Boolean.TRUE.equals(s.defaultForAz()), Boolean.TRUE.equals(s.mapPublicIpOnLaunch())))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.wrap(doing, e);
        }
    }

    @Override
    public Map<String, DefaultRoute> defaultRoutes(String vpcId) {
        Map<String, Optional<Route>> defaults = new HashMap<>();
        routeTablesBySubnet(vpcId).forEach((subnet, table) -> defaults.put(subnet, table == null ? Optional.empty()
                : table.routes().stream().filter(r -> "0.0.0.0/0".equals(r.destinationCidrBlock())).findFirst()));
        Map<String, DefaultRoute> routes = new HashMap<>();
        defaults.forEach((subnet, route) -> routes.put(subnet, route.map(Ec2Network::defaultRoute).orElse(DefaultRoute.NONE)));
        // A NAT gateway leads out only when it is public, working, and its own subnet routes to an internet gateway.
        Set<String> natIds = defaults.values().stream().flatMap(Optional::stream).map(Route::natGatewayId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (natIds.isEmpty()) {
            return routes;
        }
        Map<String, NatGateway> nats = natGateways(natIds);
        defaults.forEach((subnet, route) -> {
            String natId = route.map(Route::natGatewayId).orElse(null);
            if (natId != null) {
                NatGateway nat = nats.get(natId);
                boolean leadsOut = nat != null && nat.connectivityType() != ConnectivityType.PRIVATE
                        && (nat.state() == NatGatewayState.AVAILABLE || nat.state() == NatGatewayState.PENDING)
                        && routes.get(nat.subnetId()) == DefaultRoute.INTERNET_GATEWAY;
                routes.put(subnet, leadsOut ? DefaultRoute.NAT : DefaultRoute.NONE);
            }
        });
        return routes;
    }

    private Map<String, NatGateway> natGateways(Set<String> ids) {
        try {
            Map<String, NatGateway> nats = new HashMap<>();
            ec2.describeNatGatewaysPaginator(r -> r.filter(Filter.builder().name("nat-gateway-id").values(ids).build()))
                    .natGateways().forEach(n -> nats.put(n.natGatewayId(), n));
            return nats;
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 describe NAT gateways " + String.join(",", ids), e);
        }
    }

    /** Each subnet of the VPC and the route table it uses: its own, else the main one (null when the VPC has none). */
    private Map<String, RouteTable> routeTablesBySubnet(String vpcId) {
        try {
            List<RouteTable> tables = ec2.describeRouteTablesPaginator(r -> r.filters(filter("vpc-id", vpcId)))
                    .routeTables().stream().toList();
            RouteTable main = null;
            Map<String, RouteTable> own = new HashMap<>();
            for (RouteTable table : tables) {
                for (RouteTableAssociation association : table.associations()) {
                    if (Boolean.TRUE.equals(association.main())) {
                        main = table;
                    } else if (association.subnetId() != null) {
                        own.put(association.subnetId(), table);
                    }
                }
            }
            Map<String, RouteTable> bySubnet = new HashMap<>();
            for (Subnet subnet : subnetsOf(vpcId)) {
                bySubnet.put(subnet.id(), own.getOrDefault(subnet.id(), main));
            }
            return bySubnet;
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 describe route tables of " + vpcId, e);
        }
    }

    @Override
    public Map<String, Set<String>> gatewayEndpoints(String vpcId) {
        Map<String, Set<String>> byTable = new HashMap<>();
        try {
            ec2.describeVpcEndpointsPaginator(r -> r.filters(filter("vpc-id", vpcId))).vpcEndpoints().stream()
                    .filter(e -> "Gateway".equalsIgnoreCase(e.vpcEndpointTypeAsString()))
                    .forEach(e -> e.routeTableIds().forEach(table -> byTable.computeIfAbsent(table, t -> new java.util.TreeSet<>())
                            .add(shortServiceName(e.serviceName()))));
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 describe VPC endpoints of " + vpcId, e);
        }
        Map<String, Set<String>> bySubnet = new HashMap<>();
        routeTablesBySubnet(vpcId).forEach((subnet, table) -> bySubnet.put(subnet,
                table == null ? Set.of() : Set.copyOf(byTable.getOrDefault(table.routeTableId(), Set.of()))));
        return bySubnet;
    }

    /** com.amazonaws.us-east-1.ecr.api: what follows the region. */
    private static String shortServiceName(String serviceName) {
        return serviceName.replaceFirst("^([^.]+\\.){3}", "");
    }

    @Override
    public Map<String, String> tags(String resourceId) {
        try {
            Map<String, String> tags = new HashMap<>();
            ec2.describeTagsPaginator(r -> r.filters(filter("resource-id", resourceId))).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 describe tags of " + resourceId, e);
        }
    }

    @Override
    public void tag(String resourceId, Map<String, String> tags) {
        try {
            // A security group made moments ago may not be visible to CreateTags yet.
            eventually.run(resourceId + " to be visible", Eventually.PROPAGATION, TransientErrors.NOT_YET_VISIBLE,
                    () -> ec2.createTags(r -> r.resources(resourceId).tags(tags.entrySet().stream()
                            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())));
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 tag " + resourceId, e);
        }
    }

    private static DefaultRoute defaultRoute(Route route) {
        if (route.gatewayId() != null && route.gatewayId().startsWith("igw-")) {
            return DefaultRoute.INTERNET_GATEWAY;
        }
        if (route.natGatewayId() != null || route.instanceId() != null || route.transitGatewayId() != null
                || route.networkInterfaceId() != null) {
            return DefaultRoute.NAT;
        }
        return DefaultRoute.NONE;  // a blackhole, a VPN or peering connection: no way to ECR's public endpoint
    }

    @Override
    public Set<String> interfaceEndpoints(String vpcId) {
        try {
            return ec2.describeVpcEndpointsPaginator(r -> r.filters(filter("vpc-id", vpcId))).vpcEndpoints().stream()
                    .filter(e -> "Interface".equalsIgnoreCase(e.vpcEndpointTypeAsString()))
                    .map(e -> shortServiceName(e.serviceName()))
                    .collect(Collectors.toSet());
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 describe VPC endpoints of " + vpcId, e);
        }
    }

    @Override
    public Optional<SecurityGroup> findSecurityGroup(String vpcId, String name) {
        try {
            return ec2.describeSecurityGroupsPaginator(r -> r.filters(filter("vpc-id", vpcId), filter("group-name", name)))
                    .securityGroups().stream()
                    .map(g -> new SecurityGroup(g.groupId(), g.groupName(), g.vpcId(), rules(g.ipPermissions())))
                    .findFirst();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 describe security group " + name + " in " + vpcId, e);
        }
    }

    @Override
    public String createSecurityGroup(String vpcId, String name, String description, Map<String, String> tags) {
        try {
            return ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(description)
                    .tagSpecifications(TagSpecification.builder()
                            .resourceType(ResourceType.SECURITY_GROUP)
                            .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())
                            .build()))
                    .groupId();
        } catch (AwsServiceException e) {
            if ("InvalidGroup.Duplicate".equals(AwsErrors.code(e))) {
                // An earlier attempt whose answer was lost made it: that one is ours.
                return findSecurityGroup(vpcId, name).map(SecurityGroup::id)
                        .orElseThrow(() -> AwsErrors.wrap("ec2 create security group " + name + " in " + vpcId, e));
            }
            throw AwsErrors.wrap("ec2 create security group " + name + " in " + vpcId, e);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 create security group " + name + " in " + vpcId, e);
        }
    }

    @Override
    public void authorizeIngress(String groupId, List<IngressRule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        List<IpPermission> permissions = rules.stream().map(Ec2Network::permission).toList();
        try {
            // A group made a moment ago may not be found by its id yet (AWS-BEHAVIOURS 22).
            eventually.run("security group " + groupId + " to be visible", Eventually.PROPAGATION,
                    TransientErrors.NOT_YET_VISIBLE,
                    () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permissions)));
        } catch (AwsServiceException e) {
            if (!"InvalidPermission.Duplicate".equals(AwsErrors.code(e))) { // already allowed: what was asked for
                throw AwsErrors.wrap("ec2 authorize ingress on " + groupId, e);
            }
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 authorize ingress on " + groupId, e);
        }
    }

    private static IpPermission permission(IngressRule rule) {
        IpPermission.Builder permission = IpPermission.builder()
                .ipProtocol(rule.protocol()).fromPort(rule.fromPort()).toPort(rule.toPort());
        if (rule.sourceCidr() != null) {
            permission.ipRanges(IpRange.builder().cidrIp(rule.sourceCidr()).build());
        } else {
            permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(rule.sourceGroupId()).build());
        }
        return permission.build();
    }

    /** Flattens EC2's permissions (each may list several sources) into one rule per source. */
    private static List<IngressRule> rules(List<IpPermission> permissions) {
        List<IngressRule> rules = new ArrayList<>();
        for (IpPermission p : permissions) {
            int from = p.fromPort() == null ? -1 : p.fromPort();
            int to = p.toPort() == null ? -1 : p.toPort();
            p.ipRanges().forEach(range -> rules.add(new IngressRule(p.ipProtocol(), from, to, range.cidrIp(), null)));
            p.userIdGroupPairs().forEach(pair -> rules.add(new IngressRule(p.ipProtocol(), from, to, null, pair.groupId())));
        }
        return rules;
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
