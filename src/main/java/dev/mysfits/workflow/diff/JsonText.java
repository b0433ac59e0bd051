package dev.mysfits.workflow.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON pretty-printed for a line diff: two spaces a level, keys sorted, one value a line, so a changed value is one
 * changed line. Arrays keep their order.
 */
final class JsonText {
    private JsonText() {
    }

    static String pretty(JsonNode node) {
        StringBuilder text = new StringBuilder();
        write(text, node, "");
        return text.append('\n').toString();
    }

    private static void write(StringBuilder text, JsonNode node, String indent) {
        String inner = indent + "  ";
        if (node.isObject() && !node.isEmpty()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            text.append("{\n");
            for (int i = 0; i < keys.size(); i++) {
                text.append(inner).append(TextNode.valueOf(keys.get(i))).append(": ");
                write(text, node.get(keys.get(i)), inner);
                text.append(i < keys.size() - 1 ? ",\n" : "\n");
            }
            text.append(indent).append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            text.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                text.append(inner);
                write(text, node.get(i), inner);
                text.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            text.append(indent).append(']');
        } else {
            text.append(node);  // a value, {} or []: Jackson writes it as JSON, escaped
        }
    }
}
