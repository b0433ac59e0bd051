package dev.mysfits.workflow.deploy;

import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.nio.file.Path;

/** The template rendered as deploy renders it, when only the revision is wanted (task run): no route, no service. */
final class PrepareTaskDefinitionStep implements Step<DeployContext> {
    private final TaskDefinitionInputs inputs;

    PrepareTaskDefinitionStep(TaskDefinitionInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public Change plan(DeployContext ctx) {
        Path template = inputs.resolve(ctx);
        return Change.checked("task definition inputs", "template " + template.getFileName() + ", image " + ctx.image.imageReference());
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        // Validation only looks.
    }
}
