package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.aws.elbv2.LoadBalancers.LoadBalancer;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.List;

/**
 * Makes the internet-facing application load balancer in the chosen subnets with the load balancer's security
 * group. The network step already looked it up (to keep a re-run in the same VPC), so this step does not look again.
 */
public final class EnsureLoadBalancerStep implements Step<SetupContext> {
    private final LoadBalancers loadBalancers;
    private final Ledger ledger;

    EnsureLoadBalancerStep(LoadBalancers loadBalancers, Ledger ledger) {
        this.loadBalancers = loadBalancers;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "ensure load balancer";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String resource = "load balancer " + ctx.names.loadBalancer();
        if (ctx.loadBalancer != null) {
            return Change.none("load balancer " + ctx.loadBalancer.name(), ctx.loadBalancer.dnsName());
        }
        return Change.create(resource, "internet-facing, in " + String.join(", ", ctx.subnetIds));
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        LoadBalancer created = loadBalancers.createLoadBalancer(ctx.names.loadBalancer(), ctx.subnetIds,
                List.of(ctx.securityGroupId(SecurityGroupRole.LOAD_BALANCER)), ctx.tags());
        ctx.record(ledger, ResourceType.LOAD_BALANCER, created.arn(), null);
        ctx.loadBalancer = created;
    }
}
