package dev.mysfits.workflow.setup;

import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ec2.Network.DefaultRoute;
import dev.mysfits.aws.ec2.Network.Subnet;
import dev.mysfits.core.MysfitsException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fargate tasks pull their images from ECR, so their subnets need a way there. mysfits gives each task a public IP, so
 * a route to an internet gateway serves; so does a NAT, or ECR's interface endpoints in the VPC. Without any, ECS
 * starts the tasks and stops them minutes later ("ResourceInitializationError: unable to pull secrets or registry
 * auth"), which setup can tell before it makes anything.
 */
final class TaskEgressCheck {
    private static final Set<String> ECR_ENDPOINTS = Set.of("ecr.api", "ecr.dkr");

    private TaskEgressCheck() {
    }

    static void requireRouteToEcr(Network network, String vpcId, List<Subnet> subnets) {
        if (network.interfaceEndpoints(vpcId).containsAll(ECR_ENDPOINTS)) {
            return;
        }
        Map<String, DefaultRoute> routes = network.defaultRoutes(vpcId);
        List<String> stranded = subnets.stream()
                .filter(s -> routes.getOrDefault(s.id(), DefaultRoute.NONE) == DefaultRoute.NONE)
                .map(s -> s.id() + " (" + s.availabilityZone() + ")").toList();
        if (stranded.isEmpty()) {
            return;
        }
        throw MysfitsException.precondition("tasks in subnet " + String.join(", ", stranded) + " of " + vpcId
                        + " could not pull their images: no route to an internet gateway or a NAT gateway, and no ECR endpoints in the VPC",
                "route 0.0.0.0/0 to an internet gateway (aws ec2 create-route --route-table-id <table> "
                        + "--destination-cidr-block 0.0.0.0/0 --gateway-id <igw>; mysfits gives tasks a public IP) or to a NAT "
                        + "gateway, or add VPC endpoints for ecr.api, ecr.dkr, logs (interface) and s3 (gateway); or pass "
                        + "--subnets that have such a route");
    }
}
