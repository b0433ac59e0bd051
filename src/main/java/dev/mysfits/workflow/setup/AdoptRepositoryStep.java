package dev.mysfits.workflow.setup;

import dev.mysfits.core.Change;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.Step;

/**
 * Records a repository the labs' stack made as the stack's: push finds it and pushes there (it never makes one that
 * exists), and cleanup leaves it, images and all.
 */
final class AdoptRepositoryStep implements Step<SetupContext> {
    private final Ledger ledger;
    private final String service;
    private final String repository;

    AdoptRepositoryStep(Ledger ledger, String service, String repository) {
        this.ledger = ledger;
        this.service = service;
        this.repository = repository;
    }

    @Override
    public String name() {
        return "reuse the stack's ECR repository " + repository;
    }

    @Override
    public Change plan(SetupContext ctx) {
        String resource = "ECR repository " + repository + " (the stack's, for " + service + ")";
        boolean recorded = ledger.entries(e -> e.type() == ResourceType.ECR_REPOSITORY && e.id().equals(repository))
                .stream().anyMatch(e -> !e.owned());
        return recorded ? Change.none(resource, "reused; cleanup leaves it")
                : Change.reuse(resource, "push pushes there, cleanup leaves it");
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        ledger.adopt(ResourceType.ECR_REPOSITORY, repository, service, null, ctx.region);
    }
}
