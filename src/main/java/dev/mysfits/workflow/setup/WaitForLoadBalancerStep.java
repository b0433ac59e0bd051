package dev.mysfits.workflow.setup;

import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/**
 * Waits until the load balancer is active. AWS makes it {@code provisioning} first, often for 1-3 minutes, and until
 * then its address answers nothing: the URL setup prints would not work yet. Right after the listener: the steps
 * after it take seconds, not the minutes that overlapping them would save. A re-run finds a load balancer still
 * provisioning and waits too.
 */
final class WaitForLoadBalancerStep implements Step<SetupContext> {
    private static final String ACTIVE = "active";
    private final LoadBalancers loadBalancers;

    WaitForLoadBalancerStep(LoadBalancers loadBalancers) {
        this.loadBalancers = loadBalancers;
    }

    @Override
    public String name() {
        return "wait for load balancer";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String resource = "load balancer " + (ctx.loadBalancer == null ? ctx.names.loadBalancer() : ctx.loadBalancer.name());
        if (ctx.loadBalancer == null) {
            return Change.checked(resource, "not waited for in a dry run");
        }
        if (ACTIVE.equals(ctx.loadBalancer.state())) {
            return Change.checked(resource, ACTIVE);
        }
        if (ctx.request.dryRun()) {
            return Change.checked(resource, ctx.loadBalancer.state() + "; not waited for in a dry run");
        }
        ctx.loadBalancer = loadBalancers.awaitActive(ctx.loadBalancer.name());
        return Change.checked(resource, ACTIVE);
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        // Waiting only looks.
    }
}
