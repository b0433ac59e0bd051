package dev.mysfits.workflow.setup;

import dev.mysfits.console.Console;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.Change;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes what the labs' CloudFormation stacks made, once: network choice, two security groups, the load balancer
 * and its listener, the cluster, a log group per service and the two roles. Every step looks before it creates, so
 * a second run changes nothing; the network step validates every input before the first creation.
 */
public final class SetupWorkflow {
    private final Console console;
    private final SetupAdapters aws;
    private final Ledger ledger;
    private final String region;

    public SetupWorkflow(Console console, SetupAdapters aws, Ledger ledger, String region) {
        this.console = console;
        this.aws = aws;
        this.ledger = ledger;
        this.region = region;
    }

    /**
     * @param containerPorts each configured service's container port, by service name
     */
    public SetupResult run(ResourceNames names, Map<String, Integer> containerPorts, SetupRequest request) {
        SetupContext ctx = new SetupContext(names, region, aws, ledger, request, containerPorts);
        List<Change> changes = new Workflow<>("Setting up workshop " + names.workshop() + " in " + region, console,
                steps(containerPorts.keySet())).execute(ctx, request.dryRun());
        return new SetupResult(request.dryRun(), changes, request.dryRun() ? null : ctx.state());
    }

    static List<Step<SetupContext>> steps(Iterable<String> services) {
        List<Step<SetupContext>> steps = new ArrayList<>(List.of(
                new ResolveNetworkStep(),
                new EnsureSecurityGroupStep(SecurityGroupRole.LOAD_BALANCER),
                new EnsureSecurityGroupStep(SecurityGroupRole.TASKS),
                new EnsureLoadBalancerStep(),
                new EnsureListenerStep(),
                new EnsureClusterStep()));
        services.forEach(service -> steps.add(new EnsureLogGroupStep(service)));
        steps.add(new EnsureRoleStep(RoleKind.EXECUTION));
        steps.add(new EnsureRoleStep(RoleKind.TASK));
        return steps;
    }
}
