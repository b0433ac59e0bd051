package dev.mysfits.workflow.setup;

import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ec2.Network.Subnet;
import dev.mysfits.core.MysfitsException;

import java.util.ArrayList;
import java.util.List;

/**
 * The private subnets setup is given, for tasks without a public IP (deploy --private): they exist and are in the
 * workshop's VPC, and none is one of the load balancer's public subnets. Whether they can reach ECR is deploy's
 * check: a NAT gateway or endpoints may come after setup.
 */
final class PrivateSubnets {
    private PrivateSubnets() {
    }

    static List<String> validate(Network network, String region, String vpcId, List<Subnet> publicSubnets, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Subnet> found = network.subnets(ids);
        List<String> missing = new ArrayList<>(ids);
        found.forEach(s -> missing.remove(s.id()));
        if (!missing.isEmpty()) {
            throw MysfitsException.usage("private subnet " + String.join(", ", missing) + " does not exist in " + region,
                    "check the ids (aws ec2 describe-subnets) and --region");
        }
        for (Subnet subnet : found) {
            if (!subnet.vpcId().equals(vpcId)) {
                throw MysfitsException.usage("private subnet " + subnet.id() + " is in " + subnet.vpcId()
                                + ", not in the workshop's VPC " + vpcId,
                        "pass --private-subnets of " + vpcId + " (aws ec2 describe-subnets --filters Name=vpc-id,Values=" + vpcId + ")");
            }
            if (publicSubnets.stream().anyMatch(p -> p.id().equals(subnet.id()))) {
                throw MysfitsException.usage("subnet " + subnet.id() + " is one of the load balancer's public subnets, "
                                + "not a private one", "pass --private-subnets other than the public --subnets");
            }
        }
        return List.copyOf(ids);
    }
}
