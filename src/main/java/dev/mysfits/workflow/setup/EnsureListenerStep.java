package dev.mysfits.workflow.setup;

import dev.mysfits.workflow.infrastructure.Infrastructure;

import dev.mysfits.aws.elbv2.LoadBalancers.FixedResponse;
import dev.mysfits.aws.elbv2.LoadBalancers.Listener;
import dev.mysfits.ledger.ResourceType;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/**
 * Makes the HTTP :80 listener with a fixed 404 as its default action. Only when it is missing: once deploy has
 * pointed the default action at a service, a re-run of setup must leave it alone.
 */
public final class EnsureListenerStep implements Step<SetupContext> {
    static final int PORT = Infrastructure.LISTENER_PORT;
    static final FixedResponse NOT_CLAIMED = FixedResponse.NOT_CLAIMED;

    @Override
    public String name() {
        return "ensure listener";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String resource = "HTTP :" + PORT + " listener";
        if (ctx.loadBalancer != null) {
            ctx.aws.loadBalancers().findListener(ctx.loadBalancer.arn(), PORT).ifPresent(l -> ctx.listener = l);
        }
        if (ctx.listener == null) {
            return Change.create(resource, "default action: fixed response 404 until a service claims it");
        }
        Listener listener = ctx.listener;
        return Change.none(resource, listener.defaultAction() == null ? "" : "default action: " + listener.defaultAction().describe());
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        Listener created = ctx.aws.loadBalancers().createFixedResponseListener(ctx.loadBalancer.arn(), PORT, NOT_CLAIMED, ctx.tags());
        ctx.record(ResourceType.LISTENER, created.arn(), null);
        ctx.listener = created;
    }
}
