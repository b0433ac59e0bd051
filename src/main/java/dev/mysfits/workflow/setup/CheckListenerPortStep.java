package dev.mysfits.workflow.setup;

import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.core.Change;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.Step;

/**
 * Refuses, before anything is made, a --listener-port other than the one the workshop's listener is on. Moving the
 * listener would drop the rules deploy put on it, and the services behind them would stop answering; a second
 * listener would give the workshop two URLs. Both would surprise; the user decides, with cleanup, instead.
 */
final class CheckListenerPortStep implements Step<SetupContext> {
    private final LoadBalancers loadBalancers;

    CheckListenerPortStep(LoadBalancers loadBalancers) {
        this.loadBalancers = loadBalancers;
    }

    @Override
    public String name() {
        return "check listener port";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String resource = "listener port " + ctx.listenerPort;
        Integer recorded = ctx.recordedListenerPort;
        if (recorded == null || recorded == ctx.listenerPort || ctx.loadBalancer == null) {
            return Change.checked(resource, "");
        }
        if (loadBalancers.findListener(ctx.loadBalancer.arn(), recorded).isEmpty()) {
            return Change.checked(resource, "the :" + recorded + " listener setup made is gone");
        }
        throw MysfitsException.precondition("workshop " + ctx.names.workshop() + "'s load balancer listens on :" + recorded
                        + ", not :" + ctx.listenerPort + ": setup does not move a listener that services may route on",
                "run mysfits setup --listener-port " + recorded + " (or without it), or mysfits cleanup first, then "
                        + "mysfits setup --listener-port " + ctx.listenerPort);
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        // Checking only looks.
    }
}
