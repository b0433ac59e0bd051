package dev.mysfits.workflow.setup;

import dev.mysfits.aws.dynamodb.Tables;
import dev.mysfits.config.TableConfig;
import dev.mysfits.core.Change;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.Step;

/**
 * Makes one table of "tables" (or, for one the labs' stack made, records it as the stack's: cleanup leaves it), on demand (pay per request: a workshop's few requests cost next to nothing and need
 * no capacity planning), and waits until it is ACTIVE, as the labs' CloudFormation stack did before it said done.
 */
public final class EnsureTableStep implements Step<SetupContext> {
    private final Tables tables;
    private final Ledger ledger;
    private final TableConfig table;
    private Tables.Table found;

    public EnsureTableStep(Tables tables, Ledger ledger, TableConfig table) {
        this.tables = tables;
        this.ledger = ledger;
        this.table = table;
    }

    @Override
    public String name() {
        return "ensure DynamoDB table " + table.name();
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = table.tableName(ctx.names);
        found = tables.find(name).orElse(null);
        if (table.adopted() != null) {
            if (found == null) {
                throw MysfitsException.precondition("DynamoDB table " + name + " (the stack's, as " + table.name()
                        + ") does not exist in " + ctx.region, "check --region and the stack outputs file");
            }
            ctx.tables.put(table.name(), found);
            boolean recorded = ledger.entries(e -> e.type() == ResourceType.DYNAMODB_TABLE && e.id().equals(name)
                    && !e.owned() && table.name().equals(e.name())).size() > 0;
            String resource = "DynamoDB table " + name + " (the stack's, as " + table.name() + ")";
            return recorded ? Change.none(resource, "reused; cleanup leaves it")
                    : Change.reuse(resource, "as ${" + table.placeholder() + "}; cleanup leaves it");
        }
        if (found == null) {
            return Change.create("DynamoDB table " + name, "on demand, key " + keys(table));
        }
        ctx.tables.put(table.name(), found);
        return Change.none("DynamoDB table " + name, found.active() ? "" : found.status());
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        String name = table.tableName(ctx.names);
        if (table.adopted() != null) {
            ledger.adopt(ResourceType.DYNAMODB_TABLE, name, null, table.name(), ctx.region);
            return;
        }
        Tables.Table created = tables.create(name, key(table.hashKey()), key(table.rangeKey()), ctx.tags());
        ctx.record(ledger, ResourceType.DYNAMODB_TABLE, name, null);
        ctx.tables.put(table.name(), created.active() ? created : tables.awaitActive(name));
    }

    static Tables.Key key(TableConfig.Key key) {
        return key == null ? null : new Tables.Key(key.name(), key.type());
    }

    private static String keys(TableConfig table) {
        return table.hashKey().name() + " (" + table.hashKey().type() + ")"
                + (table.rangeKey() == null ? "" : ", sort key " + table.rangeKey().name() + " (" + table.rangeKey().type() + ")");
    }
}
