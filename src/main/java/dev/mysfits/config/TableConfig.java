package dev.mysfits.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mysfits.core.ResourceNames;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A DynamoDB table of the workshop, as "tables" in mysfits.json names it (the labs' CloudFormation stack made one
 * for the monolith). Setup makes it on demand and loads its items; templates name it as ${TABLE_<NAME>}.
 *
 * @param name      the name in mysfits.json ("mysfits"); the table's own name adds the workshop (see ResourceNames)
 * @param hashKey   the partition key
 * @param rangeKey  the sort key, or null
 * @param itemsFile the JSON file of items to load, or null
 * @param items     its items, read and checked when mysfits.json was loaded (empty without a file)
 * @param adopted   the table's own name when the labs' stack made it (setup --stack-outputs) and mysfits reuses it
 *                  instead of making one; else null
 */
public record TableConfig(String name, Key hashKey, Key rangeKey, Path itemsFile, List<ObjectNode> items, String adopted) {

    /** A key attribute: its name and DynamoDB type, S (string), N (number) or B (binary, base64 in JSON). */
    public record Key(String name, String type) {
    }

    public TableConfig {
        items = List.copyOf(items);
    }

    public TableConfig(String name, Key hashKey, Key rangeKey, Path itemsFile, List<ObjectNode> items) {
        this(name, hashKey, rangeKey, itemsFile, items, null);
    }

    /** The same table, reused from the stack under its own name. */
    public TableConfig adopting(String tableName) {
        return new TableConfig(name, hashKey, rangeKey, itemsFile, items, tableName);
    }

    /** The table's own name in AWS: the stack's when adopted, else {@code <workshop>-<name>}. */
    public String tableName(ResourceNames names) {
        return adopted != null ? adopted : names.table(name);
    }

    /** The template placeholder that names this table: "mysfits" is ${TABLE_MYSFITS}, "like-counts" ${TABLE_LIKE_COUNTS}. */
    public String placeholder() {
        return placeholder(name);
    }

    public static String placeholder(String tableName) {
        return "TABLE_" + tableName.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
