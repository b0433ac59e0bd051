package dev.mysfits.workflow.infrastructure;

/**
 * Where the service's traffic comes from: the listener's default action, or a path rule.
 *
 * @param pathPattern null for the default action
 */
public record RoutePlan(boolean defaultAction, String pathPattern) {

    /** What stands for a wildcard inside a path, so the URL shown is one that reaches the rule. */
    static final String EXAMPLE_SEGMENT = "example";

    /**
     * A URL path the rule answers, to show and to curl: a trailing wildcard is dropped ("/api/*" -> "/api/"), one
     * inside stands for an example segment ("/mysfits/*&#47;like" -> "/mysfits/example/like"), "?" for one letter.
     */
    public String urlPath() {
        if (defaultAction || pathPattern == null) {
            return "/";
        }
        String path = pathPattern.endsWith("*") ? pathPattern.substring(0, pathPattern.length() - 1) : pathPattern;
        path = path.replace("*", EXAMPLE_SEGMENT).replace("?", "x");
        return path.isEmpty() ? "/" : path;
    }

    public String describe() {
        return defaultAction ? "default route (/)" : "path " + pathPattern;
    }
}
