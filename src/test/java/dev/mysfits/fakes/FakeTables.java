package dev.mysfits.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.aws.dynamodb.Tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory DynamoDB: tables made CREATING, ACTIVE once awaited; items by their key. */
public final class FakeTables implements Tables {
    private final List<String> mutations;
    public final Map<String, Table> tables = new LinkedHashMap<>();
    public final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    public final Map<String, Key[]> keys = new LinkedHashMap<>();
    /** Items by table, by key ("id" value, or "hash|range"). */
    public final Map<String, Map<String, ObjectNode>> items = new LinkedHashMap<>();
    /** The batches put was split into, by table: their sizes. */
    public final List<Integer> batches = new ArrayList<>();
    public final List<String> awaited = new ArrayList<>();

    FakeTables(List<String> mutations) {
        this.mutations = mutations;
    }

    @Override
    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Table create(String name, Key hashKey, Key rangeKey, Map<String, String> tagMap) {
        mutations.add("create table " + name);
        Table table = new Table(name, "arn:aws:dynamodb:us-east-1:123456789012:table/" + name, "CREATING");
        tables.put(name, table);
        tags.put(name, tagMap);
        keys.put(name, new Key[]{hashKey, rangeKey});
        items.put(name, new LinkedHashMap<>());
        return table;
    }

    @Override
    public Table awaitActive(String name) {
        awaited.add(name);
        Table active = new Table(name, tables.get(name).arn(), "ACTIVE");
        tables.put(name, active);
        return active;
    }

    @Override
    public List<ObjectNode> missing(String table, Key hashKey, Key rangeKey, List<ObjectNode> wanted) {
        if (!tables.get(table).active()) {
            throw new IllegalStateException("ResourceNotFoundException: table " + table + " is not active");
        }
        return wanted.stream().filter(i -> !items.get(table).containsKey(key(i, hashKey, rangeKey))).toList();
    }

    @Override
    public void put(String table, List<ObjectNode> written) {
        if (!tables.get(table).active()) {
            throw new IllegalStateException("ResourceNotFoundException: table " + table + " is not active");
        }
        for (int start = 0; start < written.size(); start += 25) {
            List<ObjectNode> batch = written.subList(start, Math.min(written.size(), start + 25));
            mutations.add("put " + batch.size() + " items into " + table);
            batches.add(batch.size());
            Key[] k = keys.get(table);
            batch.forEach(i -> items.get(table).put(key(i, k[0], k[1]), i));
        }
    }

    @Override
    public Map<String, String> tagged(String workshop) {
        Map<String, String> ours = new LinkedHashMap<>();
        tables.forEach((name, t) -> {
            if (workshop.equals(tags.getOrDefault(name, Map.of()).get("mysfits:workshop"))) {
                ours.put(name, t.arn());
            }
        });
        return ours;
    }

    private static String key(ObjectNode item, Key hashKey, Key rangeKey) {
        return item.get(hashKey.name()).asText() + (rangeKey == null ? "" : "|" + item.get(rangeKey.name()).asText());
    }
}
