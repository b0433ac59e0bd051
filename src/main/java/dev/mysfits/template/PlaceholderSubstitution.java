package dev.mysfits.template;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.mysfits.core.MysfitsException;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Replaces ${NAME} placeholders in a JSON template, strictly. It follows the JSON text well enough to know
 * whether a placeholder stands inside a string: there the value is JSON-escaped (a quote in a value cannot break
 * the document); outside quotes the value goes in as it is, but only when it is a JSON number, true, false or
 * null, so {@code "containerPort": ${CONTAINER_PORT}} works and nothing can inject structure.
 * {@code $${NAME}} writes a literal {@code ${NAME}}. Line numbers survive: no value adds a line.
 */
final class PlaceholderSubstitution {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern JSON_LITERAL =
            Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null");

    private final String file;
    private final Map<String, String> values;

    PlaceholderSubstitution(String file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    String render(String template) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        boolean inString = false;
        boolean escaped = false;
        int line = 1;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '$' && template.startsWith("$${", i)) {
                // "$$" becomes "$"; the "{NAME}" after it is then copied as ordinary text
                out.append('$');
                i += 2;
                continue;
            }
            if (c == '$' && template.startsWith("${", i)) {
                int close = template.indexOf('}', i);
                if (close < 0 || template.substring(i, close).indexOf('\n') >= 0) {
                    throw MysfitsException.usage(file + ":" + line + ": placeholder '${' is not closed on its line",
                            "write ${NAME} with a closing brace, or $${ for a literal ${");
                }
                String name = template.substring(i + 2, close);
                out.append(valueFor(name, inString, line));
                i = close + 1;
                escaped = false;
                continue;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            }
            if (c == '\n') {
                line++;
                // JSON strings never span lines: an unterminated one is reported by the parser later
                inString = false;
                escaped = false;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private String valueFor(String name, boolean inString, int line) {
        String at = file + ":" + line + ": ";
        if (!NAME.matcher(name).matches()) {
            throw MysfitsException.usage(at + "placeholder ${" + name + "} is not a valid name: use uppercase letters, digits and underscores",
                    "rename it, e.g. ${" + suggestName(name) + "}, or write $${" + name + "} for a literal ${" + name + "}");
        }
        String value = values.get(name);
        if (value == null) {
            String suggestion = Suggestions.closest(name, known());
            throw MysfitsException.usage(at + "unknown placeholder ${" + name + "}: known are " + String.join(", ", known())
                            + (suggestion == null ? "" : " (did you mean ${" + suggestion + "}?)"),
                    "fix the template or set it; task-defs/README.md lists the placeholders");
        }
        if (inString) {
            return new String(JsonStringEncoder.getInstance().quoteAsString(value));
        }
        if (!JSON_LITERAL.matcher(value).matches()) {
            throw MysfitsException.usage(at + "placeholder ${" + name + "} stands outside quotes, so its value must be a JSON number, true, false or null, but it is \""
                            + value + "\"",
                    "put it in quotes in the template: \"${" + name + "}\"");
        }
        return value;
    }

    private TreeSet<String> known() {
        TreeSet<String> names = new TreeSet<>();
        values.forEach((k, v) -> {
            if (v != null) {
                names.add(k);
            }
        });
        return names;
    }

    private static String suggestName(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return upper.isEmpty() || !Character.isLetter(upper.charAt(0)) ? "NAME" : upper;
    }
}
