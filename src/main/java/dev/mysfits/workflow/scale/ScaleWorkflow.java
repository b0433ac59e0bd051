package dev.mysfits.workflow.scale;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.StepRunner;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;
import dev.mysfits.workflow.rollout.RolloutWatcher;

import java.util.List;

/** Sets a deployed service's desired count, then waits until it is stable. */
public final class ScaleWorkflow implements Workflow<ScaleRequest, ScaleResult> {
    private final ContainerService containers;
    private final InfrastructureLookup infrastructure;
    private final Events events;
    private final RolloutWatcher rollout;

    /** @param rollout watches the service until it is stable (it polls the same containers) */
    public ScaleWorkflow(ContainerService containers, InfrastructureLookup infrastructure, Events events,
                         RolloutWatcher rollout) {
        this.containers = containers;
        this.infrastructure = infrastructure;
        this.events = events;
        this.rollout = rollout;
    }

    @Override
    public ScaleResult execute(ScaleRequest request) {
        WorkshopConfig workshop = request.workshop();
        String service = workshop.service(request.service()).name();
        String ecsName = new ResourceNames(workshop.name()).ecsService(service);
        Infrastructure infra = infrastructure.require();
        ContainerService.Service before = containers.describeService(infra.clusterName(), ecsName)
                .orElseThrow(() -> MysfitsException.precondition("service " + service + " is not deployed in cluster "
                        + infra.clusterName() + " (region " + infra.region() + ")", "deploy it first: mysfits deploy " + service + " --fargate"));
        List<Change> changes = new StepRunner<>("Scaling " + service + " to " + request.count(), events, List.of(
                new SetDesiredCountStep(containers, infra.clusterName(), ecsName, request.count())))
                .execute(before, request.dryRun());
        ContainerService.Service after = before;
        if (!request.dryRun() && request.waitForStable()) {
            after = rollout.awaitStable(infra.clusterName(), ecsName, null,
                    before.targetGroupArns().isEmpty() ? null : before.targetGroupArns().get(0), request.timeout(), request.pollInterval());
        } else if (!request.dryRun()) {
            after = containers.describeService(infra.clusterName(), ecsName).orElse(before);
        }
        return new ScaleResult(service, before.arn(), before.desired(), request.dryRun() ? before.desired() : after.desired(),
                after.running(), changes.stream().anyMatch(Change::mutates));
    }
}
