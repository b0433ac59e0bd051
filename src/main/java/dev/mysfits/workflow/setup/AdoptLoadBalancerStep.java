package dev.mysfits.workflow.setup;

import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.aws.elbv2.LoadBalancers.Listener;
import dev.mysfits.aws.elbv2.LoadBalancers.LoadBalancer;
import dev.mysfits.core.Change;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;
import dev.mysfits.workflow.Step;

import java.util.Optional;

/**
 * Reuses the labs' stack's load balancer and its listener when the stack outputs name them (or an earlier setup
 * did: the ledger says so). Right after the network step, before anything is made: the load balancer and the
 * listener must exist, the listener must be the load balancer's, and the network becomes the load balancer's.
 * Setup then makes no load balancer, listener or load balancer security group; deploy routes on that listener,
 * and cleanup leaves both (it takes back only the rules and target groups mysfits put on them).
 */
final class AdoptLoadBalancerStep implements Step<SetupContext> {
    private final LoadBalancers loadBalancers;
    private final Ledger ledger;

    AdoptLoadBalancerStep(LoadBalancers loadBalancers, Ledger ledger) {
        this.loadBalancers = loadBalancers;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "reuse the stack's load balancer";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String wantedBalancer = ctx.request.adoptedLoadBalancer();
        String wantedListener = ctx.request.adoptedListener();
        if (wantedBalancer == null && wantedListener == null) {
            wantedBalancer = ledger.adopted(ResourceType.LOAD_BALANCER, ctx.region).map(LedgerEntry::id).orElse(null);
            wantedListener = ledger.adopted(ResourceType.LISTENER, ctx.region).map(LedgerEntry::id).orElse(null);
        }
        if (wantedBalancer == null && wantedListener == null) {
            return Change.checked("the stack's load balancer", "none: setup makes its own");
        }
        if (ctx.loadBalancer != null) {
            throw MysfitsException.precondition("workshop " + ctx.names.workshop() + " already has its own load balancer "
                            + ctx.loadBalancer.name() + ": it cannot also reuse the stack's",
                    "run mysfits cleanup first, then setup --stack-outputs again");
        }
        Listener listener = null;
        if (wantedListener != null) {
            String arn = wantedListener;
            listener = loadBalancers.findListenerByArn(arn).orElseThrow(() -> StackAdoption.missing(ctx, "listener " + arn));
        }
        String balancerRef = wantedBalancer != null ? wantedBalancer : listener.loadBalancerArn();
        LoadBalancer balancer = loadBalancers.findLoadBalancerByArnOrDnsName(balancerRef)
                .orElseThrow(() -> StackAdoption.missing(ctx, "load balancer " + balancerRef));
        if (listener != null && !listener.loadBalancerArn().equals(balancer.arn())) {
            throw MysfitsException.usage("the stack's listener " + listener.arn() + " is not load balancer " + balancer.name() + "'s",
                    "keep the load balancer's own listener in the stack outputs file");
        }
        if (listener == null) {
            int port = ctx.listenerPort;
            listener = loadBalancers.findListener(balancer.arn(), port).orElseThrow(() -> MysfitsException.precondition(
                    "the stack's load balancer " + balancer.name() + " has no listener on :" + port,
                    "pass --listener-port with the port of its listener, or add its listener's ARN to the stack outputs file"));
        } else if (ctx.request.listenerPort() != null && ctx.request.listenerPort() != listener.port()) {
            throw MysfitsException.usage("--listener-port " + ctx.request.listenerPort() + ", but the stack's listener is on :"
                    + listener.port(), "leave --listener-port out: setup uses the stack's listener");
        }
        if (ctx.request.stackOutputs() != null && ctx.vpcId != null && !ctx.vpcId.equals(balancer.vpcId())) {
            throw MysfitsException.usage("the stack's load balancer " + balancer.name() + " is in " + balancer.vpcId()
                    + ", not in the outputs' VPC " + ctx.vpcId, "check the stack outputs file: its VPC and load balancer disagree");
        }
        ctx.loadBalancer = balancer;
        ctx.listener = listener;
        ctx.listenerPort = listener.port();
        ctx.loadBalancerAdopted = true;
        ctx.vpcId = balancer.vpcId();
        ctx.subnetIds = balancer.subnetIds();
        String resource = "load balancer " + balancer.name() + " and its :" + listener.port() + " listener (the stack's)";
        boolean recorded = isAdopted(ResourceType.LOAD_BALANCER, balancer.arn()) && isAdopted(ResourceType.LISTENER, listener.arn());
        return recorded ? Change.none(resource, "reused; cleanup leaves them")
                : Change.reuse(resource, "deploy routes on the listener, cleanup leaves them");
    }

    private boolean isAdopted(ResourceType type, String id) {
        Optional<LedgerEntry> entry = ledger.entries(e -> e.type() == type && e.id().equals(id) && !e.owned()).stream().findFirst();
        return entry.isPresent();
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        ledger.adopt(ResourceType.LOAD_BALANCER, ctx.loadBalancer.arn(), null, null, ctx.region);
        ledger.adopt(ResourceType.LISTENER, ctx.listener.arn(), null, null, ctx.region, ctx.listener.port());
    }

}
