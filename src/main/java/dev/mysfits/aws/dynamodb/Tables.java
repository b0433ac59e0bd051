package dev.mysfits.aws.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DynamoDB tables of a workshop, and the items setup loads into them. */
public interface Tables {
    /** A key attribute: its name and type (S, N or B). */
    record Key(String name, String type) {
    }

    /** @param status CREATING, ACTIVE, DELETING... */
    record Table(String name, String arn, String status) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    Optional<Table> find(String name);

    /** Creates the table on demand (pay per request); a table of that name made by a lost attempt counts as made. */
    Table create(String name, Key hashKey, Key rangeKey, Map<String, String> tags);

    /** Waits, bounded, until the table is ACTIVE: a new table takes seconds before it takes items. */
    Table awaitActive(String name);

    /** The items whose key the table does not hold yet, in their order. */
    List<ObjectNode> missing(String table, Key hashKey, Key rangeKey, List<ObjectNode> items);

    /** Writes the items in batches of 25, writing again what DynamoDB left unprocessed. */
    void put(String table, List<ObjectNode> items);

    /** The workshop's tables, by the mysfits:workshop tag: table name to ARN. */
    Map<String, String> tagged(String workshop);
}
