package dev.mysfits.workflow.infrastructure;

import dev.mysfits.aws.elbv2.LoadBalancerRouter;

import java.util.Collection;
import java.util.List;

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

    /**
     * Where the first of these rules that forwards to one of these target groups answers, as status and rollback
     * show it; null when none does.
     */
    public static String url(Infrastructure infra, List<LoadBalancerRouter.Rule> rules, Collection<String> targetGroupArns) {
        for (LoadBalancerRouter.Rule rule : rules) {
            if (rule.forwardTargetGroupArns().stream().anyMatch(targetGroupArns::contains)) {
                RoutePlan route = rule.isDefault() || rule.pathPatterns().isEmpty()
                        ? new RoutePlan(true, null) : new RoutePlan(false, rule.pathPatterns().get(0));
                return infra.url() + route.urlPath();
            }
        }
        return null;
    }

    public String describe() {
        return defaultAction ? "default route (/)" : "path " + pathPattern;
    }
}
