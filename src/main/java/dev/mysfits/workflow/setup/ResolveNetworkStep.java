package dev.mysfits.workflow.setup;

import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.aws.elbv2.LoadBalancers.LoadBalancer;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ec2.Network.Subnet;
import dev.mysfits.aws.ec2.Network.Vpc;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Change;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.ledger.LedgerEntry;
import dev.mysfits.workflow.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides the VPC and subnets, and validates them, before anything is created: the VPC exists, the subnets exist,
 * belong to it and span at least two availability zones (an ALB needs two), one subnet per zone. Without options:
 * the existing load balancer's network on a re-run (the workshop's own, or the stack's one an earlier setup reused),
 * else the region's default VPC and its default subnets.
 * Read-only: its change is always "keep".
 */
public final class ResolveNetworkStep implements Step<SetupContext> {
    private final Network network;
    private final LoadBalancers loadBalancers;
    private final Ledger ledger;

    ResolveNetworkStep(Network network, LoadBalancers loadBalancers, Ledger ledger) {
        this.network = network;
        this.loadBalancers = loadBalancers;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "resolve network";
    }

    @Override
    public Change plan(SetupContext ctx) {
        SetupRequest request = ctx.request;
        Optional<LoadBalancer> existing = loadBalancers.findLoadBalancer(ctx.names.loadBalancer());
        Optional<LoadBalancer> reused = existing.isPresent() ? Optional.empty() : reusedLoadBalancer(ctx);
        String vpcId = request.vpcId();
        List<String> subnetIds = request.subnetIds();
        List<String> privateIds = request.privateSubnetIds();
        if (request.stackOutputs() != null) {
            StackOutputs.NetworkOutputs outputs = StackOutputs.read(request.stackOutputs());
            vpcId = outputs.vpcId();
            subnetIds = outputs.subnetIds();
            privateIds = privateIds.isEmpty() ? outputs.privateSubnetIds() : privateIds;
        }
        boolean explicit = vpcId != null || !subnetIds.isEmpty();
        List<Subnet> subnets;
        if (explicit) {
            subnets = explicitNetwork(ctx, vpcId, subnetIds);
            vpcId = subnets.get(0).vpcId();
            if (existing.isPresent() && !existing.get().vpcId().equals(vpcId)) {
                throw MysfitsException.usage("load balancer " + existing.get().name() + " already exists in "
                                + existing.get().vpcId() + ", not in " + vpcId,
                        "run setup without --vpc-id/--subnets/--stack-outputs to keep it, or run mysfits cleanup first");
            }
        } else if (existing.or(() -> reused).isPresent()) {
            LoadBalancer balancer = existing.or(() -> reused).get();
            vpcId = balancer.vpcId();
            subnets = network.subnets(balancer.subnetIds());
        } else {
            Vpc vpc = network.defaultVpc().orElseThrow(() -> MysfitsException.precondition(
                    "region " + ctx.region + " has no default VPC",
                    "pass --vpc-id and --subnets a,b (public subnets in two zones), or --stack-outputs cfn-output.json"));
            vpcId = vpc.id();
            subnets = onePerZone(network.subnetsOf(vpcId));
            requireTwoZones(subnets, "the default VPC " + vpcId);
        }
        TaskEgressCheck.requireRouteToEcr(network, vpcId, subnets);
        ctx.privateSubnetIds = PrivateSubnets.validate(network, ctx.region, vpcId, subnets, privateIds);
        ctx.vpcId = vpcId;
        ctx.subnetIds = subnets.stream().map(Subnet::id).toList();
        ctx.loadBalancer = existing.orElse(null);
        return Change.none("network", vpcId + ", subnets " + String.join(", ", subnets.stream()
                .map(s -> s.id() + " (" + s.availabilityZone() + ")").toList()));
    }

    /** The stack's load balancer an earlier setup reused, as the ledger records it, when this run names none. */
    private Optional<LoadBalancer> reusedLoadBalancer(SetupContext ctx) {
        if (ctx.request.adoptedLoadBalancer() != null || ctx.request.adoptedListener() != null) {
            return Optional.empty();
        }
        return ledger.adopted(ResourceType.LOAD_BALANCER, ctx.region).map(LedgerEntry::id)
                .flatMap(loadBalancers::findLoadBalancerByArnOrDnsName);
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        // Read-only step: plan never asks for a change.
    }

    private List<Subnet> explicitNetwork(SetupContext ctx, String vpcId, List<String> subnetIds) {
        if (vpcId != null && network.vpc(vpcId).isEmpty()) {
            throw MysfitsException.usage("VPC " + vpcId + " does not exist in " + ctx.region,
                    "check the id (aws ec2 describe-vpcs) and --region, or omit --vpc-id to use the default VPC");
        }
        if (subnetIds.isEmpty()) {
            List<Subnet> chosen = onePerZone(network.subnetsOf(vpcId));
            requireTwoZones(chosen, "VPC " + vpcId);
            return chosen;
        }
        List<Subnet> found = network.subnets(subnetIds);
        List<String> missing = new ArrayList<>(subnetIds);
        found.forEach(s -> missing.remove(s.id()));
        if (!missing.isEmpty()) {
            throw MysfitsException.usage("subnet " + String.join(", ", missing) + " does not exist in " + ctx.region,
                    "check the ids (aws ec2 describe-subnets) and --region");
        }
        String expectedVpc = vpcId != null ? vpcId : found.get(0).vpcId();
        for (Subnet subnet : found) {
            if (!subnet.vpcId().equals(expectedVpc)) {
                throw MysfitsException.usage("subnet " + subnet.id() + " is in " + subnet.vpcId() + ", not in " + expectedVpc,
                        "pass subnets of one VPC" + (vpcId != null ? " (" + vpcId + ")" : ""));
            }
        }
        Map<String, Subnet> byZone = new LinkedHashMap<>();
        for (String id : subnetIds) {
            Subnet subnet = found.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            Subnet other = byZone.putIfAbsent(subnet.availabilityZone(), subnet);
            if (other != null && !other.id().equals(subnet.id())) {
                throw MysfitsException.usage("subnets " + other.id() + " and " + subnet.id() + " are both in "
                                + subnet.availabilityZone() + ": a load balancer takes one subnet per availability zone",
                        "pass one subnet from each of two or more zones");
            }
        }
        List<Subnet> chosen = List.copyOf(byZone.values());
        if (chosen.size() < 2) {
            throw MysfitsException.usage("the subnets given are in one availability zone (" + String.join(", ", subnetIds)
                    + "): a load balancer needs two", "pass --subnets a,b with subnets in two zones");
        }
        return chosen;
    }

    /** One subnet per zone, preferring default and public ones, sorted by zone. */
    static List<Subnet> onePerZone(List<Subnet> subnets) {
        Map<String, Subnet> byZone = new TreeMap<>();
        Comparator<Subnet> preference = Comparator.comparing((Subnet s) -> !s.defaultForAz())
                .thenComparing(s -> !s.mapPublicIpOnLaunch())
                .thenComparing(Subnet::id);
        subnets.stream().sorted(preference).forEach(s -> byZone.putIfAbsent(s.availabilityZone(), s));
        return List.copyOf(byZone.values());
    }

    /** A VPC chosen without --subnets: too few zones is the account's state, not the command line's. */
    private static void requireTwoZones(List<Subnet> subnets, String where) {
        if (subnets.size() < 2) {
            throw MysfitsException.precondition(where + " has subnets in " + subnets.size()
                            + " availability zone(s) (" + String.join(", ", subnets.stream()
                            .map(s -> s.id() + " in " + s.availabilityZone()).toList()) + "): a load balancer needs two",
                    "add a subnet in another zone (aws ec2 create-subnet --availability-zone ...), or pass --subnets a,b "
                            + "with subnets in two zones");
        }
    }
}
