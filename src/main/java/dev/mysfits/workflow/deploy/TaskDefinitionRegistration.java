package dev.mysfits.workflow.deploy;

import dev.mysfits.core.Change;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.StepRunner;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;

import java.util.List;

/**
 * Only the first half of a deploy: renders the template as deploy does and registers a revision when the result
 * differs from the family's latest ACTIVE one (task run needs a revision, not a service).
 */
public final class TaskDefinitionRegistration {
    private final ServiceAdapters adapters;
    private final Ledger ledger;
    private final Events events;

    public TaskDefinitionRegistration(ServiceAdapters adapters, Ledger ledger, Events events) {
        this.adapters = adapters;
        this.ledger = ledger;
        this.events = events;
    }

    /** @param request what {@link DeployRequest#taskDefinitionOnly} makes */
    public RegisteredRevision register(DeployRequest request) {
        DeployContext ctx = new DeployContext(request);
        StepRunner<DeployContext> workflow = new StepRunner<>("Registering the task definition of " + request.service(), events,
                List.of(new PrepareTaskDefinitionStep(TaskDefinitionInputs.of(adapters)), new EnsureTaskDefinitionStep(adapters.containers(), ledger)));
        List<Change> changes = workflow.execute(ctx, request.dryRun());
        return new RegisteredRevision(ctx.rendered.family(), ctx.taskDefinitionArn, ctx.revision, ctx.image.imageReference(),
                ctx.rendered.containerDefinitions().get(0).name(), changes.stream().anyMatch(Change::mutates));
    }
}
