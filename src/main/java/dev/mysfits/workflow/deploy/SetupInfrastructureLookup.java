package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.ContainerService;
import dev.mysfits.aws.LoadBalancers;
import dev.mysfits.aws.Network;
import dev.mysfits.aws.Roles;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;

/** {@link InfrastructureLookup} through setup's adapters, by the names setup gives things. */
public final class SetupInfrastructureLookup implements InfrastructureLookup {
    private static final int LISTENER_PORT = 80;

    private final ResourceNames names;
    private final String region;
    private final LoadBalancers loadBalancers;
    private final Network network;
    private final Roles roles;
    private final ContainerService containers;

    public SetupInfrastructureLookup(ResourceNames names, String region, LoadBalancers loadBalancers, Network network,
                                     Roles roles, ContainerService containers) {
        this.names = names;
        this.region = region;
        this.loadBalancers = loadBalancers;
        this.network = network;
        this.roles = roles;
        this.containers = containers;
    }

    @Override
    public Infrastructure require() {
        if (!containers.clusterExists(names.cluster())) {
            throw missing("no ECS cluster '" + names.cluster() + "'");
        }
        LoadBalancers.LoadBalancer alb = loadBalancers.findLoadBalancer(names.loadBalancer())
                .orElseThrow(() -> missing("no load balancer '" + names.loadBalancer() + "'"));
        LoadBalancers.Listener listener = loadBalancers.findListener(alb.arn(), LISTENER_PORT)
                .orElseThrow(() -> missing("load balancer '" + alb.name() + "' has no HTTP:" + LISTENER_PORT + " listener"));
        Network.SecurityGroup tasks = network.findSecurityGroup(alb.vpcId(), names.tasksSecurityGroup())
                .orElseThrow(() -> missing("no security group '" + names.tasksSecurityGroup() + "' in " + alb.vpcId()));
        Roles.Role execution = roles.find(names.executionRole())
                .orElseThrow(() -> missing("no IAM role '" + names.executionRole() + "'"));
        Roles.Role task = roles.find(names.taskRole())
                .orElseThrow(() -> missing("no IAM role '" + names.taskRole() + "'"));
        return new Infrastructure(region, names.cluster(), alb.vpcId(), alb.subnetIds(), tasks.id(), alb.arn(),
                alb.dnsName(), listener.arn(), execution.arn(), task.arn());
    }

    private MysfitsException missing(String what) {
        return MysfitsException.precondition("workshop '" + names.workshop() + "' is not set up in region " + region + ": " + what,
                "run: mysfits setup --region " + region);
    }
}
