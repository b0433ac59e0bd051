package dev.mysfits.workflow.setup;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.Capacity;
import dev.mysfits.aws.SdkCapacity;
import dev.mysfits.aws.CloudWatchLogGroups;
import dev.mysfits.aws.Clusters;
import dev.mysfits.aws.Ec2Network;
import dev.mysfits.aws.EcsClusters;
import dev.mysfits.aws.Elbv2LoadBalancers;
import dev.mysfits.aws.IamRoles;
import dev.mysfits.aws.LoadBalancers;
import dev.mysfits.aws.LogGroups;
import dev.mysfits.aws.Network;
import dev.mysfits.aws.Roles;

/** The adapters setup (and the lookup deploy uses) talk to. Tests hand in fakes. */
public record SetupAdapters(Network network, LoadBalancers loadBalancers, Clusters clusters, LogGroups logGroups,
                            Roles roles, Capacity capacity) {

    /** The SDK-backed adapters. Setup and the lookup use all five services, so building them all costs nothing extra. */
    public static SetupAdapters of(AwsClients aws) {
        return new SetupAdapters(new Ec2Network(aws.ec2()), new Elbv2LoadBalancers(aws.elb()),
                new EcsClusters(aws.ecs()), new CloudWatchLogGroups(aws.logs()), new IamRoles(aws.iam()), new SdkCapacity(aws));
    }
}
