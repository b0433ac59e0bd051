package dev.mysfits.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.core.ResourceNames;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Tables} on the DynamoDB API. */
public final class DynamoDbTables implements Tables {
    /** BatchWriteItem takes at most 25 items, BatchGetItem 100 keys. */
    static final int WRITE_BATCH = 25;
    static final int READ_BATCH = 100;
    /** A new on-demand table is ACTIVE within seconds; minutes mean something is wrong. */
    private static final Duration ACTIVE_PATIENCE = Duration.ofMinutes(5);
    private static final Duration UNPROCESSED_PATIENCE = Duration.ofMinutes(2);

    private final DynamoDbClient client;
    private final Eventually eventually;

    public DynamoDbTables(DynamoDbClient client, Eventually eventually) {
        this.client = client;
        this.eventually = eventually;
    }

    @Override
    public Optional<Table> find(String name) {
        try {
            return Optional.of(table(client.describeTable(r -> r.tableName(name)).table()));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("dynamodb describe table " + name, e);
        }
    }

    @Override
    public Table create(String name, Key hashKey, Key rangeKey, Map<String, String> tags) {
        List<KeySchemaElement> schema = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(hashKey.name()).keyType(KeyType.HASH).build());
        attributes.add(AttributeDefinition.builder().attributeName(hashKey.name()).attributeType(hashKey.type()).build());
        if (rangeKey != null) {
            schema.add(KeySchemaElement.builder().attributeName(rangeKey.name()).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(rangeKey.name()).attributeType(rangeKey.type()).build());
        }
        try {
            return table(client.createTable(r -> r.tableName(name)
                    .keySchema(schema)
                    .attributeDefinitions(attributes)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()))
                    .tableDescription());
        } catch (ResourceInUseException madeByALostAttempt) {
            return find(name).orElseThrow(() -> AwsErrors.wrap("dynamodb create table " + name, madeByALostAttempt));
        } catch (SdkException e) {
            throw AwsErrors.wrap("dynamodb create table " + name, e);
        }
    }

    @Override
    public Table awaitActive(String name) {
        return eventually.until("DynamoDB table " + name + " to be active", ACTIVE_PATIENCE,
                () -> find(name).orElse(new Table(name, null, "not visible yet")), Table::active,
                t -> "it is " + t.status());
    }

    @Override
    public List<ObjectNode> missing(String table, Key hashKey, Key rangeKey, List<ObjectNode> items) {
        Set<String> present = new HashSet<>();
        try {
            for (int start = 0; start < items.size(); start += READ_BATCH) {
                List<Map<String, AttributeValue>> keys = new ArrayList<>();
                for (ObjectNode item : items.subList(start, Math.min(items.size(), start + READ_BATCH))) {
                    keys.add(key(item, hashKey, rangeKey));
                }
                Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true)
                        .projectionExpression(projection(hashKey, rangeKey))
                        .expressionAttributeNames(names(hashKey, rangeKey)).build());
                while (!pending.isEmpty()) {
                    Map<String, KeysAndAttributes> request = pending;
                    var response = client.batchGetItem(r -> r.requestItems(request));
                    for (Map<String, AttributeValue> found : response.responses().getOrDefault(table, List.of())) {
                        present.add(identity(found, hashKey, rangeKey));
                    }
                    pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.wrap("dynamodb batch get items of table " + table, e);
        }
        return items.stream().filter(i -> !present.contains(identity(key(i, hashKey, rangeKey), hashKey, rangeKey))).toList();
    }

    @Override
    public void put(String table, List<ObjectNode> items) {
        for (int start = 0; start < items.size(); start += WRITE_BATCH) {
            List<WriteRequest> batch = new ArrayList<>();
            for (ObjectNode item : items.subList(start, Math.min(items.size(), start + WRITE_BATCH))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(attributes(item)).build()).build());
            }
            write(table, batch);
        }
    }

    /**
     * What DynamoDB leaves unprocessed (a throttled partition) is written again, paced by {@link Eventually#until},
     * until none is left; the SDK itself retries throttled calls.
     */
    private void write(String table, List<WriteRequest> batch) {
        List<List<WriteRequest>> pending = new ArrayList<>(List.of(batch));
        try {
            eventually.until("DynamoDB to take " + batch.size() + " items into " + table, UNPROCESSED_PATIENCE, () -> {
                List<WriteRequest> sending = pending.get(0);
                var response = client.batchWriteItem(r -> r.requestItems(Map.of(table, sending)));
                pending.set(0, response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of());
                return pending.get(0).size();
            }, left -> left == 0, left -> left + " items still unprocessed");
        } catch (SdkException e) {
            throw AwsErrors.wrap("dynamodb batch write items into table " + table, e);
        }
    }

    @Override
    public Map<String, String> tagged(String workshop) {
        Map<String, String> ours = new LinkedHashMap<>();
        try {
            for (String name : client.listTablesPaginator(r -> r.limit(100)).tableNames()) {
                String arn;
                try {
                    arn = client.describeTable(r -> r.tableName(name)).table().tableArn();
                } catch (ResourceNotFoundException goneMeanwhile) {
                    continue;
                }
                boolean tagged = client.listTagsOfResource(r -> r.resourceArn(arn)).tags().stream()
                        .anyMatch(t -> ResourceNames.TAG_WORKSHOP.equals(t.key()) && workshop.equals(t.value()));
                if (tagged) {
                    ours.put(name, arn);
                }
            }
        } catch (ResourceNotFoundException goneMeanwhile) {
            // a table deleted between the list and the tag lookup is not ours to find any more
        } catch (SdkException e) {
            throw AwsErrors.wrap("dynamodb list tables of workshop " + workshop, e);
        }
        return ours;
    }

    private static Table table(TableDescription d) {
        return new Table(d.tableName(), d.tableArn(), d.tableStatusAsString());
    }

    private static String projection(Key hashKey, Key rangeKey) {
        return rangeKey == null ? "#h" : "#h, #r";
    }

    private static Map<String, String> names(Key hashKey, Key rangeKey) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("#h", hashKey.name());
        if (rangeKey != null) {
            names.put("#r", rangeKey.name());
        }
        return names;
    }

    private static Map<String, AttributeValue> key(ObjectNode item, Key hashKey, Key rangeKey) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hashKey.name(), keyValue(item.get(hashKey.name()), hashKey.type()));
        if (rangeKey != null) {
            key.put(rangeKey.name(), keyValue(item.get(rangeKey.name()), rangeKey.type()));
        }
        return key;
    }

    /** One string per key: the type tells "1" from 1, and N compares by value, as DynamoDB does (1.0 is 1). */
    private static String identity(Map<String, AttributeValue> key, Key hashKey, Key rangeKey) {
        String id = part(key.get(hashKey.name()), hashKey.type());
        return rangeKey == null ? id : id + "\u0000" + part(key.get(rangeKey.name()), rangeKey.type());
    }

    private static String part(AttributeValue value, String type) {
        return switch (type) {
            case "N" -> new java.math.BigDecimal(value.n()).stripTrailingZeros().toPlainString();
            case "B" -> Base64.getEncoder().encodeToString(value.b().asByteArray());
            default -> value.s();
        };
    }

    private static AttributeValue keyValue(JsonNode value, String type) {
        return switch (type) {
            case "N" -> AttributeValue.fromN(value.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.asText())));
            default -> AttributeValue.fromS(value.asText());
        };
    }

    /** Plain JSON as DynamoDB's types: string S, number N, true/false BOOL, null NULL, array L, object M. */
    static Map<String, AttributeValue> attributes(ObjectNode item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    private static AttributeValue value(JsonNode node) {
        if (node.isTextual()) {
            return AttributeValue.fromS(node.asText());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText());
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.asBoolean());
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(n -> list.add(value(n)));
            return AttributeValue.fromL(list);
        }
        if (node.isObject()) {
            return AttributeValue.fromM(attributes((ObjectNode) node));
        }
        return AttributeValue.fromNul(true);
    }
}
