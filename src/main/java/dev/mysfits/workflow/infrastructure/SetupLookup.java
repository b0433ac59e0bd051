package dev.mysfits.workflow.infrastructure;

import dev.mysfits.aws.ecs.Clusters.Cluster;
import dev.mysfits.aws.elbv2.LoadBalancers.LoadBalancer;
import dev.mysfits.aws.elbv2.LoadBalancers.Listener;
import dev.mysfits.aws.ec2.Network.SecurityGroup;
import dev.mysfits.aws.iam.Roles.Role;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds what setup made, by name, without changing anything: for deploy and status. Anything missing is a
 * precondition error that says to run setup. The VPC and subnets come from the load balancer, so they are the
 * ones setup chose, whatever options it ran with.
 */
public final class SetupLookup {
    private final SetupAdapters aws;
    private final ResourceNames names;
    private final String region;
    private final int listenerPort;
    private final String stackLoadBalancerArn;

    public SetupLookup(SetupAdapters aws, ResourceNames names, String region) {
        this(aws, names, region, Infrastructure.LISTENER_PORT);
    }

    /** @param listenerPort the port of the listener setup made (the ledger keeps it) */
    public SetupLookup(SetupAdapters aws, ResourceNames names, String region, int listenerPort) {
        this(aws, names, region, listenerPort, null);
    }

    /**
     * @param listenerPort         the port of the listener setup made or reused (the ledger keeps it)
     * @param stackLoadBalancerArn the labs' stack's load balancer when setup reused it instead of making one, or null
     */
    public SetupLookup(SetupAdapters aws, ResourceNames names, String region, int listenerPort, String stackLoadBalancerArn) {
        this.aws = aws;
        this.names = names;
        this.region = region;
        this.listenerPort = listenerPort;
        this.stackLoadBalancerArn = stackLoadBalancerArn;
    }

    /** Everything setup made, including the log groups of these services. */
    public Infrastructure find(Collection<String> services) {
        LoadBalancer lb = stackLoadBalancerArn != null
                ? aws.loadBalancers().findLoadBalancerByArnOrDnsName(stackLoadBalancerArn)
                        .orElseThrow(() -> missing("the stack's load balancer " + stackLoadBalancerArn + " is gone"))
                : aws.loadBalancers().findLoadBalancer(names.loadBalancer())
                        .orElseThrow(() -> missing("no load balancer " + names.loadBalancer()));
        String lbGroupId = stackLoadBalancerArn != null ? lb.securityGroupIds().get(0)
                : aws.network().findSecurityGroup(lb.vpcId(), names.loadBalancerSecurityGroup())
                        .orElseThrow(() -> missing("no security group " + names.loadBalancerSecurityGroup() + " in " + lb.vpcId()))
                        .id();
        SecurityGroup tasksGroup = aws.network().findSecurityGroup(lb.vpcId(), names.tasksSecurityGroup())
                .orElseThrow(() -> missing("no security group " + names.tasksSecurityGroup() + " in " + lb.vpcId()));
        Listener listener = aws.loadBalancers().findListener(lb.arn(), listenerPort)
                .orElseThrow(() -> missing("load balancer " + lb.name() + " has no :" + listenerPort + " listener"));
        Cluster cluster = aws.clusters().find(names.cluster())
                .orElseThrow(() -> missing("no ECS cluster " + names.cluster()));
        Role execution = aws.roles().findExpected(names.executionRole())
                .orElseThrow(() -> missing("no IAM role " + names.executionRole()));
        Role task = aws.roles().findExpected(names.taskRole())
                .orElseThrow(() -> missing("no IAM role " + names.taskRole()));
        Map<String, String> logGroups = new LinkedHashMap<>();
        for (String service : services) {
            String name = names.logGroup(service);
            aws.logGroups().find(name).orElseThrow(() -> missing("no log group " + name));
            logGroups.put(service, name);
        }
        return new Infrastructure(names.workshop(), region, lb.vpcId(), lb.subnetIds(), lbGroupId, tasksGroup.id(),
                lb.arn(), lb.dnsName(), Infrastructure.url(lb.dnsName(), listenerPort), listener.arn(), cluster.name(),
                cluster.arn(), execution.arn(), task.arn(), Map.copyOf(logGroups), privateSubnets(tasksGroup), listenerPort);
    }

    /** The private subnets setup remembered on the tasks' security group, for deploy --private; none is empty. */
    private List<String> privateSubnets(SecurityGroup tasksGroup) {
        String value = aws.network().tags(tasksGroup.id()).get(ResourceNames.TAG_PRIVATE_SUBNETS);
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.trim().split("\\s+")).toList();
    }

    private MysfitsException missing(String why) {
        return MysfitsException.precondition("workshop " + names.workshop() + " is not set up in " + region + ": " + why,
                "run mysfits setup" + (region == null ? "" : " --region " + region));
    }
}
