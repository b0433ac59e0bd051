package dev.mysfits.workflow.deploy;

/**
 * Where the service's traffic comes from: the listener's default action, or a path rule.
 *
 * @param pathPattern null for the default action
 */
public record RoutePlan(boolean defaultAction, String pathPattern) {

    /** The URL path to show: the pattern without a trailing wildcard ("/api/*" -> "/api/"). */
    public String urlPath() {
        if (defaultAction || pathPattern == null) {
            return "/";
        }
        String path = pathPattern.endsWith("*") ? pathPattern.substring(0, pathPattern.length() - 1) : pathPattern;
        return path.isEmpty() ? "/" : path;
    }

    public String describe() {
        return defaultAction ? "default route (/)" : "path " + pathPattern;
    }
}
