package dev.mysfits.workflow.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.aws.dynamodb.Tables;
import dev.mysfits.config.TableConfig;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.List;

/**
 * Loads a table's items file: only the items whose key the table lacks. So a second setup neither duplicates nor
 * undoes what the app changed since (a like stays a like), and an interrupted load resumes with what is missing.
 */
public final class LoadTableItemsStep implements Step<SetupContext> {
    private final Tables tables;
    private final TableConfig table;
    private List<ObjectNode> missing = List.of();

    public LoadTableItemsStep(Tables tables, TableConfig table) {
        this.tables = tables;
        this.table = table;
    }

    @Override
    public String name() {
        return "load items into table " + table.name();
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = table.tableName(ctx.names);
        String resource = "items in DynamoDB table " + name;
        Tables.Table found = ctx.tables.get(table.name());
        if (found == null) {  // a dry run: the table is still to be made, so every item is
            missing = table.items();
            return Change.create(resource, missing.size() + " from " + table.itemsFile().getFileName());
        }
        if (!found.active()) {
            ctx.tables.put(table.name(), tables.awaitActive(name));
        }
        missing = tables.missing(name, EnsureTableStep.key(table.hashKey()), EnsureTableStep.key(table.rangeKey()), table.items());
        if (missing.isEmpty()) {
            return Change.none(resource, table.items().size() + " present");
        }
        if (missing.size() == table.items().size()) {
            return Change.create(resource, missing.size() + " from " + table.itemsFile().getFileName());
        }
        return Change.update(resource, "load " + missing.size() + " of " + table.items().size() + " from "
                + table.itemsFile().getFileName());
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        tables.put(table.tableName(ctx.names), missing);
    }
}
