package dev.mysfits.workflow.infrastructure;

import dev.mysfits.aws.AwsAdapters;
import dev.mysfits.aws.capacity.Capacity;
import dev.mysfits.aws.dynamodb.Tables;
import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.aws.ecs.Clusters;
import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.iam.Roles;

/**
 * The adapters setup (and the lookup deploy uses) talk to. Tests hand in fakes.
 *
 * @param repositories ECR, where setup looks for the repositories a stack made; null where no test needs it
 */
public record SetupAdapters(Network network, LoadBalancers loadBalancers, Clusters clusters, LogGroups logGroups,
                            Roles roles, Capacity capacity, Tables tables, ImageRegistry repositories) {

    public SetupAdapters(Network network, LoadBalancers loadBalancers, Clusters clusters, LogGroups logGroups,
                         Roles roles, Capacity capacity, Tables tables) {
        this(network, loadBalancers, clusters, logGroups, roles, capacity, tables, null);
    }

    /** The SDK-backed adapters. Setup and the lookup use all five services, so building them all costs nothing extra. */
    public static SetupAdapters of(AwsAdapters aws) {
        return new SetupAdapters(aws.network(), aws.loadBalancers(), aws.clusters(), aws.logGroups(), aws.roles(), aws.capacity(),
                aws.tables(), aws.imageRegistry());
    }
}
