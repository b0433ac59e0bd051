package dev.mysfits.workflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a registered revision already is what a template rendered: every field the template sends must
 * be in the revision with the same value. Fields ECS adds (defaults, status, ARNs) do not count; tags are not part
 * of a revision's description.
 */
public final class TaskDefinitionMatcher {
    private static final Set<String> IGNORED_TOP_LEVEL = Set.of("tags");

    private TaskDefinitionMatcher() {
    }

    /** The first difference as a path ("containerDefinitions[monolith].image"), or empty when the revision matches. */
    public static Optional<String> difference(JsonNode sent, JsonNode registered) {
        if (sent == null || !sent.isObject()) {
            return Optional.of("(template is not an object)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (IGNORED_TOP_LEVEL.contains(field.getKey())) {
                continue;
            }
            Optional<String> diff = compare(field.getKey(), field.getValue(), registered.get(field.getKey()));
            if (diff.isPresent()) {
                return diff;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compare(String path, JsonNode sent, JsonNode registered) {
        if (sent == null || sent.isNull() || isEmptyContainer(sent) && (registered == null || isEmptyContainer(registered))) {
            return Optional.empty();
        }
        if (registered == null || registered.isNull()) {
            return Optional.of(path);
        }
        if (sent.isObject()) {
            if (!registered.isObject()) {
                return Optional.of(path);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Optional<String> diff = compare(path + "." + field.getKey(), field.getValue(), registered.get(field.getKey()));
                if (diff.isPresent()) {
                    return diff;
                }
            }
            return Optional.empty();
        }
        if (sent.isArray()) {
            if (!registered.isArray() || registered.size() != sent.size()) {
                return Optional.of(path);
            }
            for (int i = 0; i < sent.size(); i++) {
                JsonNode element = sent.get(i);
                // Named elements (containers, environment variables) may come back in another order.
                JsonNode counterpart = element.hasNonNull("name") ? byName(registered, element.get("name").asText()) : registered.get(i);
                String label = element.hasNonNull("name") ? element.get("name").asText() : String.valueOf(i);
                Optional<String> diff = compare(path + "[" + label + "]", element, counterpart);
                if (diff.isPresent()) {
                    return diff;
                }
            }
            return Optional.empty();
        }
        // Task-level cpu/memory are strings in the API and often numbers in templates: compare as text.
        return sent.asText().equals(registered.asText()) ? Optional.empty() : Optional.of(path);
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
