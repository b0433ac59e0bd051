package dev.mysfits.workflow.deploy;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.Optional;

/** Registers a new revision only when the rendered definition differs from the family's latest ACTIVE one. */
final class EnsureTaskDefinitionStep implements Step<DeployContext> {
    private final ContainerService containers;
    private final Ledger ledger;

    EnsureTaskDefinitionStep(ContainerService containers, Ledger ledger) {
        this.containers = containers;
        this.ledger = ledger;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "task definition";
    }

    @Override
    public Change plan(DeployContext ctx) {
        String family = ctx.rendered.family();
        String resource = "task definition " + family;
        Optional<ContainerService.TaskDefinition> latest = containers.latestActiveTaskDefinition(family);
        if (latest.isEmpty()) {
            return Change.create(resource, "first active revision, image " + ctx.image.imageReference());
        }
        Optional<String> difference = TaskDefinitionMatcher.difference(sent(ctx), latest.get().definition());
        if (difference.isEmpty()) {
            ctx.taskDefinitionArn = latest.get().arn();
            ctx.revision = latest.get().revision();
            return Change.none(resource, "revision " + latest.get().revision());
        }
        return Change.update(resource, "new revision after " + latest.get().revision() + ": " + difference.get() + " changed");
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        // Tagged so cleanup finds the revision by the mysfits:workshop tag when the ledger is lost.
        ContainerService.TaskDefinition registered = containers.registerTaskDefinition(ctx.rendered, ctx.tags());
        ctx.record(ledger, ResourceType.TASK_DEFINITION, registered.arn());
        ctx.taskDefinitionArn = registered.arn();
        ctx.revision = registered.revision();
    }

    static JsonNode sent(DeployContext ctx) {
        try {
            return JSON.readTree(ctx.rendered.json());
        } catch (JsonProcessingException e) {
            throw MysfitsException.failed("rendered task definition is not JSON: " + e.getOriginalMessage(),
                    "this is a bug in mysfits' template renderer; please report it", e);
        }
    }
}
