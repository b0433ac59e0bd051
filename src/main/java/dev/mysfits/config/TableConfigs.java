package dev.mysfits.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.mysfits.config.WorkshopConfigLoader.invalid;

/**
 * Reads "tables" of mysfits.json and each table's items file, strictly: a bad key schema, a missing items file, bad
 * JSON, or an item without its key (or with a key of another type) is an error before anything is made.
 */
final class TableConfigs {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Set<String> TABLE_KEYS = Set.of("hashKey", "rangeKey", "items");
    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TableConfigs() {
    }

    static Map<String, TableConfig> read(Path file, Path directory, String workshop, JsonNode tables) {
        Map<String, TableConfig> byName = new LinkedHashMap<>();
        if (tables == null || tables.isNull()) {
            return byName;
        }
        if (!tables.isObject()) {
            throw invalid(file, "\"tables\" must be an object naming each table, e.g. "
                    + "{\"mysfits\": {\"hashKey\": {\"name\": \"id\", \"type\": \"S\"}}}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            byName.put(entry.getKey(), table(file, directory, workshop, entry.getKey(), entry.getValue()));
        }
        return byName;
    }

    private static TableConfig table(Path file, Path directory, String workshop, String name, JsonNode node) {
        String where = "tables." + name;
        if (!NAME.matcher(name).matches()) {
            throw invalid(file, "table name '" + name + "' must be lowercase letters, digits and dashes, at most 31 characters");
        }
        if (!node.isObject()) {
            throw invalid(file, where + " must be an object with \"hashKey\"");
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!TABLE_KEYS.contains(key)) {
                throw invalid(file, where + " has unknown key \"" + key + "\" (known: "
                        + String.join(", ", TABLE_KEYS.stream().sorted().toList()) + ")");
            }
        });
        TableConfig.Key hashKey = key(file, where + ".hashKey", node.get("hashKey"));
        if (hashKey == null) {
            throw invalid(file, where + ".hashKey is required, e.g. {\"name\": \"id\", \"type\": \"S\"}");
        }
        TableConfig.Key rangeKey = key(file, where + ".rangeKey", node.get("rangeKey"));
        if (rangeKey != null && rangeKey.name().equals(hashKey.name())) {
            throw invalid(file, where + ".rangeKey must name another attribute than hashKey ('" + hashKey.name() + "')");
        }
        JsonNode itemsNode = node.get("items");
        if (itemsNode == null || itemsNode.isNull()) {
            return new TableConfig(name, hashKey, rangeKey, null, List.of());
        }
        if (!itemsNode.isTextual() || itemsNode.asText().isBlank()) {
            throw invalid(file, where + ".items must be the path of a JSON file of items, relative to " + file.getFileName());
        }
        Path itemsFile = directory.resolve(itemsNode.asText()).normalize();
        return new TableConfig(name, hashKey, rangeKey, itemsFile, items(file, where + ".items", itemsFile, hashKey, rangeKey));
    }

    private static TableConfig.Key key(Path file, String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.path("name").isTextual() || !node.path("type").isTextual() || node.size() != 2) {
            throw invalid(file, where + " must be {\"name\": \"ATTRIBUTE\", \"type\": \"S\"} (type S, N or B)");
        }
        String name = node.get("name").asText();
        String type = node.get("type").asText();
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            throw invalid(file, where + ".name '" + name + "' must be 1 to 255 letters, digits, '_', '-' or '.'");
        }
        if (!KEY_TYPES.contains(type)) {
            throw invalid(file, where + ".type must be S (string), N (number) or B (binary), got '" + type + "'");
        }
        return new TableConfig.Key(name, type);
    }

    /** A JSON array of items as plain JSON objects (the monolith's own mysfits.json), each with its key. */
    private static List<ObjectNode> items(Path file, String where, Path itemsFile, TableConfig.Key hash, TableConfig.Key range) {
        if (!Files.isRegularFile(itemsFile)) {
            throw invalid(file, where + ": items file " + itemsFile + " does not exist");
        }
        JsonNode root;
        try {
            root = JSON.readTree(itemsFile.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(file, where + ": items file " + itemsFile + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(file, where + ": cannot read items file " + itemsFile + ": " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw invalid(file, where + ": items file " + itemsFile + " must hold a JSON array of objects, one per item");
        }
        List<ObjectNode> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int index = 0;
        for (JsonNode item : root) {
            String at = where + ": item " + index + " of " + itemsFile.getFileName();
            if (!item.isObject()) {
                throw invalid(file, at + " is not a JSON object");
            }
            String key = keyValue(file, at, item, hash) + (range == null ? "" : "\u0000" + keyValue(file, at, item, range));
            if (!keys.add(key)) {
                throw invalid(file, at + " has the same key as an earlier item; each item needs its own");
            }
            items.add((ObjectNode) item);
            index++;
        }
        return items;
    }

    private static String keyValue(Path file, String at, JsonNode item, TableConfig.Key key) {
        JsonNode value = item.get(key.name());
        boolean fits = value != null && switch (key.type()) {
            case "S" -> value.isTextual() && !value.asText().isEmpty();
            case "N" -> value.isNumber();
            default -> value.isTextual() && isBase64(value.asText());
        };
        if (!fits) {
            String wanted = switch (key.type()) {
                case "S" -> "a non-empty string";
                case "N" -> "a number";
                default -> "a base64 string";
            };
            throw invalid(file, at + " needs its key \"" + key.name() + "\" as " + wanted + ", got " + (value == null ? "nothing" : value));
        }
        return value.asText();
    }

    private static boolean isBase64(String text) {
        try {
            return Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
