package dev.mysfits.workflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a registered revision already is what a template rendered: every field the template sends must
 * be in the revision with the same value. Fields ECS adds (defaults, status, ARNs) do not count; tags are not part
 * of a revision's description. Deploy asks it whether to register a new revision; diff shows what it compared.
 */
public final class TaskDefinitionMatcher {
    private static final Set<String> IGNORED_TOP_LEVEL = Set.of("tags");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TaskDefinitionMatcher() {
    }

    /**
     * One field where the revision is not what the template sends.
     *
     * @param path     "containerDefinitions[monolith].image": named elements by name, others by index
     * @param live     the revision's value; null when it has none
     * @param template the template's value
     */
    public record Difference(String path, JsonNode live, JsonNode template) {
    }

    /**
     * A template and a revision, each reduced to the fields the template sends.
     *
     * @param template    what the template sends (without tags and null fields)
     * @param live        the revision's value of each of those fields: the template's own where the two match as
     *                    {@link #difference} compares (so "256" and 256, named elements in another order, or an empty
     *                    list and none read alike), the revision's where they differ, nothing where it has none.
     *                    Defaults ECS filled in that the template does not send are in neither.
     * @param differences every differing field, in the template's order; empty when the revision matches
     */
    public record Comparison(ObjectNode template, ObjectNode live, List<Difference> differences) {
    }

    /** The first difference as a path ("containerDefinitions[monolith].image"), or empty when the revision matches. */
    public static Optional<String> difference(JsonNode sent, JsonNode registered) {
        if (sent == null || !sent.isObject()) {
            return Optional.of("(template is not an object)");
        }
        return compare(sent, registered).differences().stream().findFirst().map(Difference::path);
    }

    /** @param registered the revision as described; null (none) compares as a revision with no fields */
    public static Comparison compare(JsonNode sent, JsonNode registered) {
        ObjectNode template = NODES.objectNode();
        ObjectNode live = NODES.objectNode();
        List<Difference> differences = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (IGNORED_TOP_LEVEL.contains(field.getKey()) || field.getValue().isNull()) {
                continue;
            }
            template.set(field.getKey(), withoutNulls(field.getValue()));
            JsonNode counterpart = project(field.getKey(), field.getValue(), registered == null ? null : registered.get(field.getKey()),
                    differences);
            if (counterpart != null) {
                live.set(field.getKey(), counterpart);
            }
        }
        return new Comparison(template, live, List.copyOf(differences));
    }

    /** The revision's counterpart of a value the template sends, as compared; null when it has none. */
    private static JsonNode project(String path, JsonNode sent, JsonNode registered, List<Difference> differences) {
        if (isEmptyContainer(sent) && (registered == null || isEmptyContainer(registered))) {
            return sent;
        }
        if (registered == null || registered.isNull()) {
            differences.add(new Difference(path, null, withoutNulls(sent)));
            return null;
        }
        if (sent.isObject()) {
            if (!registered.isObject()) {
                differences.add(new Difference(path, registered, withoutNulls(sent)));
                return registered;
            }
            ObjectNode projected = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNull()) {
                    continue;
                }
                JsonNode counterpart = project(path + "." + field.getKey(), field.getValue(), registered.get(field.getKey()), differences);
                if (counterpart != null) {
                    projected.set(field.getKey(), counterpart);
                }
            }
            return projected;
        }
        if (sent.isArray()) {
            if (!registered.isArray() || registered.size() != sent.size()) {
                differences.add(new Difference(path, registered, withoutNulls(sent)));
                return registered;
            }
            ArrayNode projected = NODES.arrayNode();
            for (int i = 0; i < sent.size(); i++) {
                JsonNode element = sent.get(i);
                if (element.isNull()) {
                    continue;
                }
                // Named elements (containers, environment variables) may come back in another order.
                JsonNode counterpart = element.hasNonNull("name") ? byName(registered, element.get("name").asText()) : registered.get(i);
                String label = element.hasNonNull("name") ? element.get("name").asText() : String.valueOf(i);
                JsonNode projectedElement = project(path + "[" + label + "]", element, counterpart, differences);
                if (projectedElement != null) {
                    projected.add(projectedElement);
                }
            }
            return projected;
        }
        // Task-level cpu/memory are strings in the API and often numbers in templates: compare as text.
        if (sent.asText().equals(registered.asText())) {
            return sent;
        }
        differences.add(new Difference(path, registered, sent));
        return registered;
    }

    /** The value as sent: a null field is not sent (the template's null means "not set"). */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    copy.set(f.getKey(), withoutNulls(f.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(e -> {
                if (!e.isNull()) {
                    copy.add(withoutNulls(e));
                }
            });
            return copy;
        }
        return node;
    }

    private static JsonNode byName(JsonNode array, String name) {
        for (JsonNode candidate : array) {
            if (name.equals(candidate.path("name").asText(null))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isEmptyContainer(JsonNode node) {
        return (node.isArray() || node.isObject()) && node.isEmpty();
    }
}
