package dev.mysfits.workflow.setup;

import dev.mysfits.aws.dynamodb.Tables;
import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.config.TableConfig;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before anything is made: every table and repository setup is to reuse from the labs' stack exists. An output
 * naming one that does not (another region, a deleted stack, a typo) stops setup here, with nothing made.
 */
final class CheckStackResourcesStep implements Step<SetupContext> {
    private final Tables tables;
    private final ImageRegistry repositories;

    CheckStackResourcesStep(Tables tables, ImageRegistry repositories) {
        this.tables = tables;
        this.repositories = repositories;
    }

    @Override
    public String name() {
        return "check the stack's resources";
    }

    @Override
    public Change plan(SetupContext ctx) {
        List<String> found = new ArrayList<>();
        for (TableConfig table : ctx.request.tables()) {
            if (table.adopted() == null) {
                continue;
            }
            if (tables.find(table.adopted()).isEmpty()) {
                throw StackAdoption.missing(ctx, "DynamoDB table " + table.adopted());
            }
            found.add("table " + table.adopted());
        }
        for (Map.Entry<String, String> repository : ctx.request.adoptedRepositories().entrySet()) {
            if (repositories.findRepository(repository.getValue()).isEmpty()) {
                throw StackAdoption.missing(ctx, "ECR repository " + repository.getValue());
            }
            found.add("repository " + repository.getValue());
        }
        return Change.checked("the stack's resources", String.join(", ", found));
    }


    @Override
    public void apply(SetupContext ctx, Change change) {
        // Checking only looks.
    }
}
