package dev.mysfits.workflow.deploy;

import dev.mysfits.workflow.Events;
import dev.mysfits.core.Sleeper;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.StepRunner;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;

import java.time.Clock;
import java.util.List;

/**
 * Deploys a service to ECS behind the workshop's load balancer: validate everything, then make sure of the task
 * definition, target group, route and service, and watch the rollout. Each step looks before it acts.
 */
public final class DeployWorkflow {
    private final ServiceAdapters adapters;
    private final Ledger ledger;
    private final Events events;
    private final Clock clock;
    private final Sleeper sleeper;

    public DeployWorkflow(ServiceAdapters adapters, Ledger ledger, Events events, Clock clock, Sleeper sleeper) {
        this.adapters = adapters;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public DeployResult execute(DeployRequest request) {
        DeployContext ctx = new DeployContext(request);
        StepRunner<DeployContext> workflow = new StepRunner<>("Deploying " + request.service() + " to "
                + request.ecsLaunchType(), events, List.of(
                new ValidateDeployStep(adapters.containers(), adapters.router(), adapters.network(), inputs(), events),
                new EnsureTaskDefinitionStep(adapters.containers(), ledger),
                new EnsureTargetGroupStep(adapters.router(), ledger),
                new EnsureRouteStep(adapters.router(), ledger),
                new EnsureServiceStep(adapters.containers(), ledger),
                new WaitForStableStep(adapters.containers(), adapters.router(), events, clock, sleeper)));
        List<Change> changes = workflow.execute(ctx, request.dryRun());
        String url = ctx.infrastructure.url() + ctx.route.urlPath();
        return new DeployResult(ctx.service.name(), request.launchType(), ctx.revision, ctx.taskDefinitionArn,
                ctx.image.imageReference(), ctx.deployedService == null ? Change.NOT_YET_CREATED : ctx.deployedService.arn(),
                ctx.targetGroupArn, url, changes.stream().filter(Change::mutates).map(Change::describe).toList(),
                request.dryRun());
    }

    /**
     * Only the first half of a deploy: renders the template as deploy does and registers a revision when the result
     * differs from the family's latest ACTIVE one (task run needs a revision, not a service).
     */
    public RegisteredRevision registerTaskDefinition(DeployRequest request) {
        DeployContext ctx = new DeployContext(request);
        StepRunner<DeployContext> workflow = new StepRunner<>("Registering the task definition of " + request.service(), events,
                List.of(new PrepareTaskDefinitionStep(inputs()), new EnsureTaskDefinitionStep(adapters.containers(), ledger)));
        List<Change> changes = workflow.execute(ctx, request.dryRun());
        return new RegisteredRevision(ctx.rendered.family(), ctx.taskDefinitionArn, ctx.revision, ctx.image.imageReference(),
                ctx.rendered.containerDefinitions().get(0).name(), changes.stream().anyMatch(Change::mutates));
    }

    private TaskDefinitionInputs inputs() {
        return new TaskDefinitionInputs(adapters.images(), adapters.identity(), adapters.infrastructure(), adapters.templates(),
                adapters.roles(), adapters.logGroups());
    }
}
