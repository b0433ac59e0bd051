package dev.mysfits.workflow.setup;

import dev.mysfits.workflow.infrastructure.SetupAdapters;

import dev.mysfits.config.TableConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.Step;
import dev.mysfits.workflow.StepRunner;
import dev.mysfits.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes what the labs' CloudFormation stacks made, once: network choice, two security groups, the load balancer
 * and its listener (waiting until it is active), the cluster, a log group per service, the two roles, the services' own
 * task roles, and the DynamoDB tables with their items; with EC2 capacity, also the container
 * instances' role, instance profile, security group, launch template and Auto Scaling group, and waits until the
 * instances have joined the cluster. Every step looks before it creates, so
 * a second run changes nothing; the network step validates every input before the first creation.
 */
public final class SetupWorkflow implements Workflow<SetupRequest, SetupResult> {
    private final Events events;
    private final SetupAdapters aws;
    private final Ledger ledger;
    private final String region;
    private final Sleeper sleeper;

    public SetupWorkflow(Events events, SetupAdapters aws, Ledger ledger, String region) {
        this(events, aws, ledger, region, Sleeper.system());
    }

    public SetupWorkflow(Events events, SetupAdapters aws, Ledger ledger, String region, Sleeper sleeper) {
        this.events = events;
        this.aws = aws;
        this.ledger = ledger;
        this.region = region;
        this.sleeper = sleeper;
    }

    @Override
    public SetupResult execute(SetupRequest request) {
        ResourceNames names = request.names();
        Map<String, Integer> containerPorts = request.containerPorts();
        SetupContext ctx = new SetupContext(names, region, request, containerPorts, ledger.listenerPort(region).orElse(null));
        List<Change> changes = new StepRunner<>("Setting up workshop " + names.workshop() + " in " + region, events,
                steps(request, containerPorts.keySet(), request.capacity() != null)).execute(ctx, request.dryRun());
        return new SetupResult(request.dryRun(), changes, request.dryRun() ? null : ctx.state());
    }

    private List<Step<SetupContext>> steps(SetupRequest request, Iterable<String> services, boolean capacity) {
        List<Step<SetupContext>> steps = new ArrayList<>();
        if (capacity) {
            steps.add(new ValidateCapacityStep(aws.capacity()));  // before anything is made
        }
        if (!request.adoptedRepositories().isEmpty() || request.tables().stream().anyMatch(t -> t.adopted() != null)) {
            steps.add(new CheckStackResourcesStep(aws.tables(), aws.repositories()));  // before anything is made
        }
        steps.addAll(List.of(
                new ResolveNetworkStep(aws.network(), aws.loadBalancers(), ledger),
                new AdoptLoadBalancerStep(aws.loadBalancers(), ledger),
                new CheckListenerPortStep(aws.loadBalancers()),
                new EnsureSecurityGroupStep(aws.network(), ledger, SecurityGroupRole.LOAD_BALANCER),
                new EnsureSecurityGroupStep(aws.network(), ledger, SecurityGroupRole.TASKS),
                new EnsurePrivateSubnetsStep(aws.network()),
                new EnsureLoadBalancerStep(aws.loadBalancers(), ledger),
                new EnsureListenerStep(aws.loadBalancers(), ledger),
                new EnsureServiceLinkedRoleStep(aws.roles()),
                new EnsureClusterStep(aws.clusters(), ledger)));
        services.forEach(service -> steps.add(new EnsureLogGroupStep(aws.logGroups(), ledger, service)));
        steps.add(new EnsureRoleStep(aws.roles(), ledger, RoleKind.EXECUTION));
        steps.add(new EnsureRoleStep(aws.roles(), ledger, RoleKind.TASK));
        request.taskRoles().forEach((service, role) -> steps.add(new EnsureServiceTaskRoleStep(aws.roles(), ledger, service, role)));
        for (TableConfig table : request.tables()) {
            steps.add(new EnsureTableStep(aws.tables(), ledger, table));
            // The stack's table holds the stack's data: setup leaves it as it is unless asked (--load-items).
            if (!table.items().isEmpty() && (table.adopted() == null || request.loadStackTables())) {
                steps.add(new LoadTableItemsStep(aws.tables(), table));
            }
        }
        request.adoptedRepositories().forEach((service, repository) -> steps.add(new AdoptRepositoryStep(ledger, service, repository)));
        if (capacity) {
            steps.add(new EnsureRoleStep(aws.roles(), ledger, RoleKind.INSTANCE));
            steps.add(new EnsureInstanceProfileStep(aws.capacity(), ledger));
            steps.add(new EnsureSecurityGroupStep(aws.network(), ledger, SecurityGroupRole.INSTANCES));
            steps.add(new EnsureLaunchTemplateStep(aws.capacity(), ledger));
            steps.add(new EnsureAutoScalingGroupStep(aws.capacity(), ledger));
            steps.add(new WaitForContainerInstancesStep(aws.clusters(), events, sleeper));
        }
        // Last: a new load balancer provisions while the steps above run.
        steps.add(new WaitForLoadBalancerStep(aws.loadBalancers()));
        return steps;
    }
}
