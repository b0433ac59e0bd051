package dev.mysfits.workflow.deploy;

import dev.mysfits.workflow.Events;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.StepRunner;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.rollout.RolloutWatcher;

import dev.mysfits.workflow.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Deploys a service to ECS behind the workshop's load balancer: validate everything, then make sure of the task
 * definition, target group, route and service, and watch the rollout. Each step looks before it acts.
 */
public final class DeployWorkflow implements Workflow<DeployRequest, DeployResult> {
    private final ServiceAdapters adapters;
    private final Ledger ledger;
    private final Events events;
    private final RolloutWatcher rollout;

    /** @param rollout watches the service until it is stable (it polls the same containers and router) */
    public DeployWorkflow(ServiceAdapters adapters, Ledger ledger, Events events, RolloutWatcher rollout) {
        this.adapters = adapters;
        this.ledger = ledger;
        this.events = events;
        this.rollout = rollout;
    }

    @Override
    public DeployResult execute(DeployRequest request) {
        DeployContext ctx = new DeployContext(request);
        StepRunner<DeployContext> workflow = new StepRunner<>("Deploying " + request.service() + " to "
                + request.ecsLaunchType() + (ctx.strategy.shiftsTraffic() ? " (" + ctx.strategy.kind().label() + ")" : ""),
                events, steps(ctx, adapters, ledger, events, rollout));
        List<Change> changes = workflow.execute(ctx, request.dryRun());
        String url = ctx.infrastructure.url() + ctx.route.urlPath();
        return new DeployResult(ctx.service.name(), request.launchType(), ctx.revision, ctx.taskDefinitionArn,
                ctx.image.imageReference(), ctx.deployedService == null ? Change.NOT_YET_CREATED : ctx.deployedService.arn(),
                ctx.targetGroupArn, url, changes.stream().filter(Change::mutates).map(Change::describe).toList(),
                request.dryRun());
    }

    /** A deploy's steps, in order, for its strategy: {@link DeployPreview} plans the same ones. */
    static List<Step<DeployContext>> steps(DeployContext ctx, ServiceAdapters adapters, Ledger ledger, Events events,
                                           RolloutWatcher rollout) {
        List<Step<DeployContext>> steps = new ArrayList<>(List.of(
                new ValidateDeployStep(adapters.containers(), adapters.router(), adapters.network(), TaskDefinitionInputs.of(adapters), events),
                new EnsureTaskDefinitionStep(adapters.containers(), ledger)));
        if (ctx.strategy.shiftsTraffic()) {
            // Blue/green, canary and linear: a role for ECS to move the weights with, and a second group to move them to.
            steps.add(new EnsureInfrastructureRoleStep(adapters.roles(), ledger));
            steps.add(new EnsureTargetGroupStep(adapters.router(), ledger));
            steps.add(new EnsureTargetGroupStep(adapters.router(), ledger, true));
        } else {
            steps.add(new EnsureTargetGroupStep(adapters.router(), ledger));
        }
        steps.addAll(List.of(
                new EnsureRouteStep(adapters.router(), ledger),
                new EnsureServiceStep(adapters.containers(), ledger),
                new WaitForStableStep(rollout)));
        return steps;
    }
}
