package dev.mysfits.aws.ec2;

import dev.mysfits.aws.ec2.Network.DefaultRoute;
import dev.mysfits.fakes.RecordedWaits;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ConnectivityType;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where each subnet's traffic for 0.0.0.0/0 leads, from EC2's answers: which NAT gateways lead out, which endpoints serve it. */
class Ec2NetworkRoutesTest {
    /** EC2 as the network lookups see it: one VPC's subnets, route tables, NAT gateways and endpoints. */
    private static final class FakeEc2 implements Ec2Client {
        final List<Subnet> subnets = new ArrayList<>();
        final List<RouteTable> tables = new ArrayList<>();
        final List<NatGateway> nats = new ArrayList<>();
        final List<VpcEndpoint> endpoints = new ArrayList<>();

        void subnet(String id) {
            subnets.add(Subnet.builder().subnetId(id).vpcId("vpc-1").availabilityZone("us-east-1a").build());
        }

        void table(String id, Route defaultRoute, String... subnetIds) {
            List<RouteTableAssociation> associations = new ArrayList<>();
            for (String subnet : subnetIds) {
                associations.add(RouteTableAssociation.builder().subnetId(subnet).main(false).build());
            }
            List<Route> routes = new ArrayList<>(List.of(Route.builder().destinationCidrBlock("10.0.0.0/16").gatewayId("local").build()));
            if (defaultRoute != null) {
                routes.add(defaultRoute.toBuilder().destinationCidrBlock("0.0.0.0/0").build());
            }
            tables.add(RouteTable.builder().routeTableId(id).vpcId("vpc-1").associations(associations).routes(routes).build());
        }

        void nat(String id, String subnet, ConnectivityType type, NatGatewayState state) {
            nats.add(NatGateway.builder().natGatewayId(id).subnetId(subnet).connectivityType(type).state(state).build());
        }

        @Override
        public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
            return DescribeSubnetsResponse.builder().subnets(subnets).build();
        }

        @Override
        public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
            return DescribeRouteTablesResponse.builder().routeTables(tables).build();
        }

        @Override
        public DescribeNatGatewaysResponse describeNatGateways(DescribeNatGatewaysRequest request) {
            return DescribeNatGatewaysResponse.builder().natGateways(nats).build();
        }

        @Override
        public DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest request) {
            return DescribeVpcEndpointsResponse.builder().vpcEndpoints(endpoints).build();
        }

        @Override
        public String serviceName() {
            return "ec2";
        }

        @Override
        public void close() {
        }
    }

    private final FakeEc2 ec2 = new FakeEc2();
    private final Ec2Network network = new Ec2Network(ec2, new RecordedWaits().eventually());

    /** A public subnet behind an internet gateway, and a private one whose default route goes to the NAT given. */
    private void privateBehind(String natSubnet, ConnectivityType type, NatGatewayState state) {
        ec2.subnet("subnet-public");
        ec2.subnet("subnet-closed");
        ec2.subnet("subnet-private");
        ec2.table("rtb-public", Route.builder().gatewayId("igw-1").build(), "subnet-public");
        ec2.table("rtb-closed", null, "subnet-closed");
        ec2.table("rtb-private", Route.builder().natGatewayId("nat-1").build(), "subnet-private");
        ec2.nat("nat-1", natSubnet, type, state);
    }

    @Test
    void aPublicNatGateway_inASubnetBehindAnInternetGateway_leadsOut() {
        privateBehind("subnet-public", ConnectivityType.PUBLIC, NatGatewayState.AVAILABLE);

        assertEquals(Map.of("subnet-public", DefaultRoute.INTERNET_GATEWAY, "subnet-closed", DefaultRoute.NONE,
                "subnet-private", DefaultRoute.NAT), network.defaultRoutes("vpc-1"));
    }

    @Test
    void aPrivateNatGateway_leadsNowhereOut() {
        privateBehind("subnet-public", ConnectivityType.PRIVATE, NatGatewayState.AVAILABLE);

        assertEquals(DefaultRoute.NONE, network.defaultRoutes("vpc-1").get("subnet-private"));
    }

    @Test
    void aNatGatewayInASubnetWithoutAWayOut_orOneThatFailed_leadsNowhere() {
        privateBehind("subnet-closed", ConnectivityType.PUBLIC, NatGatewayState.AVAILABLE);
        assertEquals(DefaultRoute.NONE, network.defaultRoutes("vpc-1").get("subnet-private"));

        ec2.nats.clear();
        ec2.nat("nat-1", "subnet-public", ConnectivityType.PUBLIC, NatGatewayState.FAILED);
        assertEquals(DefaultRoute.NONE, network.defaultRoutes("vpc-1").get("subnet-private"));
    }

    @Test
    void s3sGatewayEndpoint_servesOnlyTheSubnetsWhoseRouteTableItIsOn() {
        privateBehind("subnet-public", ConnectivityType.PUBLIC, NatGatewayState.AVAILABLE);
        ec2.endpoints.add(VpcEndpoint.builder().vpcEndpointType(VpcEndpointType.GATEWAY)
                .serviceName("com.amazonaws.us-east-1.s3").routeTableIds("rtb-private").build());
        ec2.endpoints.add(VpcEndpoint.builder().vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName("com.amazonaws.us-east-1.ecr.api").build());

        assertEquals(Map.of("subnet-public", Set.of(), "subnet-closed", Set.of(), "subnet-private", Set.of("s3")),
                network.gatewayEndpoints("vpc-1"));
        assertEquals(Set.of("ecr.api"), network.interfaceEndpoints("vpc-1"));
    }
}
