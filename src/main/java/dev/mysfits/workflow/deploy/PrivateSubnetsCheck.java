package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.ec2.Network;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.setup.TaskEgressCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Before Fargate tasks go to the private subnets without a public IP (deploy --private, a "private" service's deploy
 * and task run): setup must have been given them, they must still exist, and they must reach ECR (a NAT gateway,
 * or ECR's and S3's endpoints), or the tasks would stop minutes later unable to pull their image.
 */
public final class PrivateSubnetsCheck {
    private PrivateSubnetsCheck() {
    }

    /**
     * @param asked   who asked for the private subnets, for the error: "deploy --private", "service like (...)"
     * @param awslogs whether the task's containers log with awslogs (then CloudWatch Logs must be reachable too)
     */
    public static void require(Network network, Infrastructure infrastructure, String asked, boolean awslogs) {
        List<String> ids = infrastructure.privateSubnetIds();
        if (ids.isEmpty()) {
            throw MysfitsException.precondition(asked + ": workshop " + infrastructure.workshop()
                            + " has no private subnets: setup was given none",
                    "run mysfits setup --private-subnets a,b (or --stack-outputs with PrivateSubnet outputs), or use the public subnets (deploy --public, or \"private\": false)");
        }
        List<Network.Subnet> subnets = network.subnets(ids);
        if (subnets.size() < ids.size()) {
            List<String> gone = new ArrayList<>(ids);
            subnets.forEach(s -> gone.remove(s.id()));
            throw MysfitsException.precondition(asked + ": private subnet " + String.join(", ", gone)
                            + " that setup remembered no longer exists",
                    "run mysfits setup --private-subnets a,b with subnets that exist");
        }
        TaskEgressCheck.requirePrivateRouteToEcr(network, infrastructure.vpcId(), subnets, awslogs);
    }
}
