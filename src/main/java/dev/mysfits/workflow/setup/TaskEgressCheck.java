package dev.mysfits.workflow.setup;

import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ec2.Network.DefaultRoute;
import dev.mysfits.aws.ec2.Network.Subnet;
import dev.mysfits.core.MysfitsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fargate tasks pull their images from ECR, so their subnets need a way there: to ECR's API and registry, and to S3,
 * where ECR keeps the image layers. Through the internet: a route to an internet gateway, for a task with a public
 * IP, or to a NAT. Or without it, as AWS documents for private subnets: ECR's interface endpoints (ecr.api, ecr.dkr)
 * in the VPC and S3's gateway endpoint on the subnet's route table, and the logs interface endpoint for containers
 * that log with awslogs. Without any, ECS starts the tasks and stops them minutes later ("ResourceInitializationError:
 * unable to pull secrets or registry auth", "CannotPullContainerError" when only S3 is out of reach,
 * "ResourceInitializationError: failed to validate logger args" when only CloudWatch Logs is), which setup and deploy
 * can tell before they change anything.
 */
public final class TaskEgressCheck {
    private static final Set<String> ECR_ENDPOINTS = Set.of("ecr.api", "ecr.dkr");
    private static final String S3 = "s3";
    private static final String LOGS = "logs";

    private TaskEgressCheck() {
    }

    /** Public subnets, whose tasks get a public IP (setup's). */
    static void requireRouteToEcr(Network network, String vpcId, List<Subnet> subnets) {
        Stranded stranded = stranded(network, vpcId, subnets, true, false);
        if (stranded.subnets.isEmpty()) {
            return;
        }
        throw MysfitsException.precondition("tasks in subnet " + String.join(", ", stranded.subnets) + " of " + vpcId
                        + " could not pull their images: no route to an internet gateway or a NAT gateway, and "
                        + stranded.missingEndpoints(),
                "route 0.0.0.0/0 to an internet gateway (aws ec2 create-route --route-table-id <table> "
                        + "--destination-cidr-block 0.0.0.0/0 --gateway-id <igw>; mysfits gives tasks a public IP) or to a NAT "
                        + "gateway, or add VPC endpoints for ecr.api, ecr.dkr, logs (interface) and s3 (gateway); or pass "
                        + "--subnets that have such a route");
    }

    /**
     * Private subnets, whose tasks have no public IP (deploy --private): an internet gateway is no way out.
     *
     * @param awslogs whether the task's containers log with awslogs, which then needs CloudWatch Logs too
     */
    public static void requirePrivateRouteToEcr(Network network, String vpcId, List<Subnet> subnets, boolean awslogs) {
        Stranded stranded = stranded(network, vpcId, subnets, false, awslogs);
        if (stranded.subnets.isEmpty()) {
            return;
        }
        throw MysfitsException.precondition("tasks without a public IP in private subnet " + String.join(", ", stranded.subnets)
                        + " of " + vpcId + " could not pull their images: no route to a NAT gateway, and "
                        + stranded.missingEndpoints(),
                "route their 0.0.0.0/0 to a NAT gateway (aws ec2 create-route --route-table-id <table> "
                        + "--destination-cidr-block 0.0.0.0/0 --nat-gateway-id <nat>), or add " + stranded.toAdd()
                        + "; or use the public subnets (deploy --public, or \"private\": false)");
    }

    private record Stranded(List<String> subnets, Set<String> missingInterfaces, boolean missingS3) {
        String missingEndpoints() {
            if (missingInterfaces.contains("ecr.api") || missingInterfaces.contains("ecr.dkr")) {
                return "no ECR endpoints in the VPC";
            }
            if (missingS3) {
                return "no S3 gateway endpoint on their route tables (ECR's endpoints answer, but the image layers are in S3)";
            }
            return "no logs endpoint in the VPC (their containers log with awslogs to CloudWatch Logs)";
        }

        String toAdd() {
            List<String> parts = new java.util.ArrayList<>();
            if (!missingInterfaces.isEmpty()) {
                parts.add((missingInterfaces.size() == 1 ? "a VPC endpoint for " : "VPC endpoints for ")
                        + String.join(", ", missingInterfaces) + " (interface)");
            }
            if (missingS3) {
                parts.add((parts.isEmpty() ? "a VPC endpoint for " : "") + "s3 (gateway, on their route tables)");
            }
            return String.join(" and ", parts);
        }
    }

    private static Stranded stranded(Network network, String vpcId, List<Subnet> subnets, boolean publicIp, boolean awslogs) {
        Map<String, DefaultRoute> routes = network.defaultRoutes(vpcId);
        Set<String> missingInterfaces = new TreeSet<>(ECR_ENDPOINTS);
        if (awslogs) {
            missingInterfaces.add(LOGS);
        }
        missingInterfaces.removeAll(network.interfaceEndpoints(vpcId));
        boolean ecrEndpoints = java.util.Collections.disjoint(missingInterfaces, ECR_ENDPOINTS);
        Map<String, Set<String>> gateways = ecrEndpoints ? network.gatewayEndpoints(vpcId) : Map.of();
        List<String> stranded = new java.util.ArrayList<>();
        boolean missingS3 = false;
        for (Subnet subnet : subnets) {
            DefaultRoute route = routes.getOrDefault(subnet.id(), DefaultRoute.NONE);
            boolean internet = route == DefaultRoute.NAT || (publicIp && route == DefaultRoute.INTERNET_GATEWAY);
            if (internet) {
                continue;
            }
            boolean s3 = gateways.getOrDefault(subnet.id(), Set.of()).contains(S3);
            if (missingInterfaces.isEmpty() && s3) {
                continue;
            }
            missingS3 |= !s3;
            stranded.add(subnet.id() + " (" + subnet.availabilityZone() + ")");
        }
        return new Stranded(stranded, missingInterfaces, missingS3);
    }
}
