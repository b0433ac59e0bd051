package dev.mysfits.workflow.push;

import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.Map;

/** Looks for the ECR repository and creates it, tagged for cleanup, when it is missing. */
final class EnsureRepositoryStep implements Step<PushContext> {
    private final ImageRegistry registry;
    private final Ledger ledger;

    EnsureRepositoryStep(ImageRegistry registry, Ledger ledger) {
        this.registry = registry;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "ensure ECR repository";
    }

    @Override
    public Change plan(PushContext context) {
        String name = context.request.repository();
        context.repository = registry.findRepository(name).orElse(null);
        return context.repository != null
                ? Change.none("ECR repository " + name, context.repository.uri())
                : Change.create("ECR repository " + name, "mutable tags, no scan on push");
    }

    @Override
    public void apply(PushContext context, Change change) {
        PushRequest request = context.request;
        context.repository = registry.createRepository(request.repository(), Map.of(
                ResourceNames.TAG_WORKSHOP, request.workshop(),
                ResourceNames.TAG_SERVICE, request.service()));
        ledger.record(ResourceType.ECR_REPOSITORY, request.repository(), request.service(), registry.region());
    }
}
