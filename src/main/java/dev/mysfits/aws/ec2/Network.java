package dev.mysfits.aws.ec2;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The EC2 networking mysfits uses: VPCs and subnets to place the load balancer and tasks, and security groups. */
public interface Network {
    record Vpc(String id, String cidr, boolean isDefault) {
    }

    record Subnet(String id, String vpcId, String availabilityZone, boolean defaultForAz, boolean mapPublicIpOnLaunch) {
    }

    /**
     * One ingress permission: tcp ports from either a CIDR or another security group.
     *
     * @param sourceCidr    e.g. 0.0.0.0/0, or null
     * @param sourceGroupId a security group id, or null
     */
    record IngressRule(String protocol, int fromPort, int toPort, String sourceCidr, String sourceGroupId) {
        public static IngressRule tcpFromCidr(int from, int to, String cidr) {
            return new IngressRule("tcp", from, to, cidr, null);
        }

        public static IngressRule tcpFromGroup(int from, int to, String groupId) {
            return new IngressRule("tcp", from, to, null, groupId);
        }

        public String describe() {
            String ports = fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort;
            return protocol + " " + ports + " from " + (sourceCidr != null ? sourceCidr : sourceGroupId);
        }
    }

    record SecurityGroup(String id, String name, String vpcId, List<IngressRule> ingress) {
    }

    /** Where a subnet sends traffic for 0.0.0.0/0: an internet gateway, a NAT (gateway, instance, transit), or nowhere. */
    enum DefaultRoute { INTERNET_GATEWAY, NAT, NONE }

    /**
     * For each subnet of the VPC, where its default route goes, by its own route table or else the VPC's main one. A
     * NAT gateway counts only when it can reach the internet: public (not ConnectivityType private), pending or
     * available, in a subnet whose own default route goes to an internet gateway; else the route leads nowhere.
     */
    Map<String, DefaultRoute> defaultRoutes(String vpcId);

    /** The services the VPC has interface endpoints for, by their short names: "ecr.api", "ecr.dkr", "logs". */
    Set<String> interfaceEndpoints(String vpcId);

    /**
     * For each subnet of the VPC, the services whose gateway endpoints ("s3", "dynamodb") are on its route table (its
     * own, else the VPC's main one): a gateway endpoint serves only the subnets whose route table it is on.
     */
    Map<String, Set<String>> gatewayEndpoints(String vpcId);

    /** The tags of an EC2 resource (a security group, a subnet), by key. */
    Map<String, String> tags(String resourceId);

    /** Adds or replaces these tags on an EC2 resource. */
    void tag(String resourceId, Map<String, String> tags);

    /** The region's default VPC, if it has one. */
    Optional<Vpc> defaultVpc();

    /** The VPC with this id, or empty when there is none (a bad id is not an error here). */
    Optional<Vpc> vpc(String vpcId);

    /** Every subnet of the VPC. */
    List<Subnet> subnetsOf(String vpcId);

    /** The subnets among these ids that exist; unknown ids are left out. */
    List<Subnet> subnets(List<String> subnetIds);

    /** The security group with this name in the VPC. */
    Optional<SecurityGroup> findSecurityGroup(String vpcId, String name);

    /** Creates a security group with the tags, and returns its id. It starts with no ingress rules. */
    String createSecurityGroup(String vpcId, String name, String description, Map<String, String> tags);

    void authorizeIngress(String groupId, List<IngressRule> rules);
}
