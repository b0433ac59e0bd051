package dev.mysfits.template;

import java.util.Map;

/**
 * The task-definition templates' strict ${NAME} substitution, for other JSON files of the workshop (a task role's
 * inline policy): an unknown placeholder is a usage error naming the file and line.
 */
public final class JsonPlaceholders {
    private JsonPlaceholders() {
    }

    /** @param file the file's name as errors show it */
    public static String render(String file, String text, Map<String, String> values) {
        return new PlaceholderSubstitution(file, values).render(text);
    }
}
