package dev.mysfits.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The order `up` starts services in: every service after what it dependsOn, otherwise in the file's order. */
public final class DependencyOrder {
    private DependencyOrder() {
    }

    /** The services asked for and everything they depend on, dependencies first. */
    public static List<ServiceConfig> startOrder(Map<String, ServiceConfig> services, Collection<String> wanted) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : wanted) {
            visit(services, name, ordered, new LinkedHashSet<>());
        }
        List<ServiceConfig> result = new ArrayList<>();
        ordered.forEach(name -> result.add(services.get(name)));
        return result;
    }

    private static void visit(Map<String, ServiceConfig> services, String name, Set<String> ordered, Set<String> path) {
        if (ordered.contains(name) || !path.add(name)) {
            return; // cycles are refused when the file is loaded
        }
        for (String dependency : services.get(name).local().dependsOn()) {
            visit(services, dependency, ordered, path);
        }
        ordered.add(name);
    }

    /** A dependency cycle as the names along it, first name repeated at the end ("a -> b -> a"); empty if none. */
    public static List<String> findCycle(Map<String, ServiceConfig> services) {
        Set<String> done = new LinkedHashSet<>();
        for (String start : services.keySet()) {
            List<String> cycle = walk(services, start, new ArrayList<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> walk(Map<String, ServiceConfig> services, String name, List<String> path, Set<String> done) {
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            return cycle;
        }
        if (done.contains(name) || !services.containsKey(name)) {
            return List.of();
        }
        path.add(name);
        for (String dependency : services.get(name).local().dependsOn()) {
            List<String> cycle = walk(services, dependency, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return List.of();
    }
}
