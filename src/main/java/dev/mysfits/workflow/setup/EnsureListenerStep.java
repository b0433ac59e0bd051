package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.elbv2.LoadBalancers;

import dev.mysfits.aws.elbv2.LoadBalancers.FixedResponse;
import dev.mysfits.aws.elbv2.LoadBalancers.Listener;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/**
 * Makes the HTTP listener (on :80 unless setup is told another port) with a fixed 404 as its default action. Only when it is missing: once deploy has
 * pointed the default action at a service, a re-run of setup must leave it alone.
 */
public final class EnsureListenerStep implements Step<SetupContext> {
    private final LoadBalancers loadBalancers;
    private final Ledger ledger;

    EnsureListenerStep(LoadBalancers loadBalancers, Ledger ledger) {
        this.loadBalancers = loadBalancers;
        this.ledger = ledger;
    }
    static final FixedResponse NOT_CLAIMED = FixedResponse.NOT_CLAIMED;

    @Override
    public String name() {
        return "ensure listener";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String resource = "HTTP :" + ctx.listenerPort + " listener";
        if (ctx.loadBalancer != null) {
            loadBalancers.findListener(ctx.loadBalancer.arn(), ctx.listenerPort).ifPresent(l -> ctx.listener = l);
        }
        if (ctx.listener == null) {
            return Change.create(resource, "default action: fixed response 404 until a service claims it");
        }
        Listener listener = ctx.listener;
        return Change.none(resource, listener.defaultAction() == null ? "" : "default action: " + listener.defaultAction().describe());
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        Listener created = loadBalancers.createFixedResponseListener(ctx.loadBalancer.arn(), ctx.listenerPort, NOT_CLAIMED, ctx.tags());
        ledger.record(ResourceType.LISTENER, created.arn(), null, ctx.region, ctx.listenerPort);
        ctx.listener = created;
    }
}
