package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ec2.Network.IngressRule;
import dev.mysfits.aws.ec2.Network.SecurityGroup;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Makes one of the two security groups and makes sure its ingress rules exist, authorizing only missing ones (rules
 * someone added by hand stay). The load balancer's takes HTTP on the listener's port from anywhere; the tasks' takes each service's
 * container port, and the ephemeral range the EC2 launch type's dynamic host ports come from, from the load
 * balancer's group only.
 */
public final class EnsureSecurityGroupStep implements Step<SetupContext> {
    private final Network network;
    private final Ledger ledger;
    /** Docker's dynamic host ports (hostPort 0 in bridge mode) on ECS-optimized instances. */
    static final int EPHEMERAL_FROM = 32768;
    static final int EPHEMERAL_TO = 65535;

    private final SecurityGroupRole role;

    public EnsureSecurityGroupStep(Network network, Ledger ledger, SecurityGroupRole role) {
        this.network = network;
        this.ledger = ledger;
        this.role = role;
    }

    @Override
    public String name() {
        return "ensure " + switch (role) {
            case LOAD_BALANCER -> "load balancer";
            case TASKS -> "tasks";
            case INSTANCES -> "container instances";
        } + " security group";
    }

    private String groupName(SetupContext ctx) {
        return switch (role) {
            case LOAD_BALANCER -> ctx.names.loadBalancerSecurityGroup();
            case TASKS -> ctx.names.tasksSecurityGroup();
            case INSTANCES -> ctx.names.instancesSecurityGroup();
        };
    }

    /** The rules this group must have. The tasks' rules name the load balancer's group, or its name in a dry run. */
    List<IngressRule> desiredRules(SetupContext ctx) {
        if (role == SecurityGroupRole.LOAD_BALANCER) {
            return List.of(IngressRule.tcpFromCidr(ctx.listenerPort, ctx.listenerPort, "0.0.0.0/0"));
        }
        String source = ctx.securityGroupId(SecurityGroupRole.LOAD_BALANCER);
        if (source == null) {
            source = ctx.names.loadBalancerSecurityGroup();
        }
        List<IngressRule> rules = new ArrayList<>();
        if (role == SecurityGroupRole.INSTANCES) {
            return List.of(IngressRule.tcpFromGroup(EPHEMERAL_FROM, EPHEMERAL_TO, source));
        }
        for (int port : new TreeSet<>(ctx.containerPorts.values())) {
            rules.add(IngressRule.tcpFromGroup(port, port, source));
        }
        rules.add(IngressRule.tcpFromGroup(EPHEMERAL_FROM, EPHEMERAL_TO, source));
        return rules;
    }

    List<IngressRule> missingRules(SetupContext ctx) {
        SecurityGroup group = ctx.securityGroups.get(role);
        List<IngressRule> have = group == null ? List.of() : group.ingress();
        return desiredRules(ctx).stream().filter(rule -> !have.contains(rule)).toList();
    }

    @Override
    public Change plan(SetupContext ctx) {
        if (role == SecurityGroupRole.LOAD_BALANCER && ctx.loadBalancerAdopted) {
            // The stack's load balancer comes with its own groups: the tasks' group lets the first of them in.
            String stacks = ctx.loadBalancer.securityGroupIds().get(0);
            ctx.securityGroups.put(role, new SecurityGroup(stacks, stacks, ctx.vpcId, List.of()));
            return Change.checked("security group " + stacks, "the stack's load balancer's");
        }
        String name = groupName(ctx);
        network.findSecurityGroup(ctx.vpcId, name).ifPresent(g -> ctx.securityGroups.put(role, g));
        SecurityGroup group = ctx.securityGroups.get(role);
        if (group == null) {
            return Change.create("security group " + name, "in " + ctx.vpcId + ", ingress " + describe(desiredRules(ctx)));
        }
        List<IngressRule> missing = missingRules(ctx);
        String resource = "security group " + name + " (" + group.id() + ")";
        return missing.isEmpty() ? Change.none(resource, "") : Change.update(resource, "authorize " + describe(missing));
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        if (!ctx.securityGroups.containsKey(role)) {
            String name = groupName(ctx);
            String id = network.createSecurityGroup(ctx.vpcId, name,
                    "mysfits " + ctx.names.workshop() + ": " + role.purpose(), ctx.tags());
            ctx.record(ledger, ResourceType.SECURITY_GROUP, id, null);
            ctx.securityGroups.put(role, new SecurityGroup(id, name, ctx.vpcId, List.of()));
        }
        List<IngressRule> missing = missingRules(ctx);
        SecurityGroup group = ctx.securityGroups.get(role);
        network.authorizeIngress(group.id(), missing);
        List<IngressRule> now = new ArrayList<>(group.ingress());
        now.addAll(missing);
        ctx.securityGroups.put(role, new SecurityGroup(group.id(), group.name(), group.vpcId(), List.copyOf(now)));
    }

    private static String describe(List<IngressRule> rules) {
        return String.join(", ", rules.stream().map(IngressRule::describe).toList());
    }
}
