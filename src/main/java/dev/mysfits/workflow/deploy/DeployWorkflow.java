package dev.mysfits.workflow.deploy;

import dev.mysfits.workflow.Change;
import dev.mysfits.workflow.Workflow;

import java.util.List;

/**
 * Deploys a service to ECS behind the workshop's load balancer: validate everything, then make sure of the task
 * definition, target group, route and service, and watch the rollout. Each step looks before it acts.
 */
public final class DeployWorkflow {

    public DeployResult execute(DeployContext ctx) {
        Workflow<DeployContext> workflow = new Workflow<>("Deploying " + ctx.request.service() + " to "
                + ctx.request.ecsLaunchType(), ctx.console, List.of(
                new ValidateDeployStep(),
                new EnsureTaskDefinitionStep(),
                new EnsureTargetGroupStep(),
                new EnsureRouteStep(),
                new EnsureServiceStep(),
                new WaitForStableStep()));
        List<Change> changes = workflow.execute(ctx, ctx.request.dryRun());
        String url = ctx.infrastructure.baseUrl() + ctx.route.urlPath();
        return new DeployResult(ctx.service.name(), ctx.request.launchType(), ctx.revision, ctx.taskDefinitionArn,
                ctx.image.imageReference(), ctx.deployedService == null ? DeployContext.NOT_YET_CREATED : ctx.deployedService.arn(),
                ctx.targetGroupArn, url, changes.stream().filter(Change::mutates).map(Change::describe).toList(),
                ctx.request.dryRun());
    }
}
