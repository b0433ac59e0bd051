package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.lab.Probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An AWS resource of the workshop exists, or is gone. "workshop" with exists false: nothing tagged with the workshop
 * is left (as cleanup finds it). The other types go by name; a name that is one of the workshop's services (or
 * tables) stands for what mysfits names for it, and without a name the probe means all of the workshop's: its
 * cluster, its load balancer, every service's repository, log group, ECS service and target group, every table, and
 * the shared execution and task roles.
 */
public final class ResourceProbes implements ProbeEvaluator<Probe.Resource> {
    private static final int LISTED = 8;

    private final ResourceLookup lookup;
    private final WorkshopLeftovers leftovers;

    public ResourceProbes(ResourceLookup lookup, WorkshopLeftovers leftovers) {
        this.lookup = lookup;
        this.leftovers = leftovers;
    }

    /** One resource the probe means: found when any of its names exists (a target group is named per launch type). */
    private record Wanted(String label, List<String> names) {
    }

    @Override
    public String describe(Probe.Resource probe, WorkshopConfig workshop) {
        if (probe.type().equals("workshop")) {
            return probe.exists() ? "workshop " + workshop.name() + " has resources in AWS"
                    : "nothing of workshop " + workshop.name() + " is left in AWS";
        }
        List<String> labels = wanted(probe, workshop).stream().map(Wanted::label).toList();
        String what = probe.type() + " " + (labels.isEmpty() ? "(none in the workshop)" : String.join(", ", labels));
        return what + (probe.exists() ? " exist" + (labels.size() == 1 ? "s" : "") : (labels.size() == 1 ? " is" : " are") + " gone");
    }

    @Override
    public Optional<String> problem(Probe.Resource probe, WorkshopConfig workshop) {
        if (probe.type().equals("workshop")) {
            List<String> left = leftovers.left(workshop);
            if (probe.exists()) {
                return left.isEmpty() ? Optional.of("nothing tagged with workshop " + workshop.name() + " is in AWS") : Optional.empty();
            }
            if (left.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(left.size() + " left: " + String.join(", ", left.subList(0, Math.min(LISTED, left.size())))
                    + (left.size() > LISTED ? ", …" : ""));
        }
        String cluster = new ResourceNames(workshop.name()).cluster();
        List<String> wrong = new ArrayList<>();
        for (Wanted wanted : wanted(probe, workshop)) {
            Optional<String> found = wanted.names().stream().filter(n -> lookup.exists(probe.type(), n, cluster)).findFirst();
            if (probe.exists() && found.isEmpty()) {
                wrong.add("no " + probe.type() + " " + String.join(" or ", wanted.names()));
            } else if (!probe.exists() && found.isPresent()) {
                wrong.add(probe.type() + " " + found.get() + " still exists");
            }
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }

    private static List<Wanted> wanted(Probe.Resource probe, WorkshopConfig workshop) {
        ResourceNames names = new ResourceNames(workshop.name());
        String name = probe.name();
        boolean service = name != null && workshop.services().containsKey(name);
        List<String> services = name == null ? List.copyOf(workshop.services().keySet()) : service ? List.of(name) : List.of();
        List<Wanted> wanted = new ArrayList<>();
        switch (probe.type()) {
            case "cluster" -> wanted.add(one(name == null ? names.cluster() : name));
            case "load-balancer" -> wanted.add(one(name == null ? names.loadBalancer() : name));
            case "repository" -> services.forEach(s -> wanted.add(one(workshop.service(s).repository())));
            case "log-group" -> services.forEach(s -> wanted.add(one(names.logGroup(s))));
            case "service" -> services.forEach(s -> wanted.add(one(names.ecsService(s))));
            case "target-group" -> services.forEach(s -> {
                List<String> either = List.of(names.targetGroup(s, "fargate"), names.targetGroup(s, "ec2"));
                wanted.add(new Wanted(String.join(" or ", either), either));
            });
            case "table" -> {
                if (name == null) {
                    workshop.tables().keySet().forEach(t -> wanted.add(one(names.table(t))));
                } else if (workshop.tables().containsKey(name)) {
                    wanted.add(one(names.table(name)));
                }
            }
            case "role" -> {
                if (name == null) {
                    wanted.add(one(names.executionRole()));
                    wanted.add(one(names.taskRole()));
                } else if (service) {
                    wanted.add(one(names.serviceTaskRole(name)));
                }
            }
            default -> throw new IllegalArgumentException("no resource type " + probe.type());
        }
        if (name != null && wanted.isEmpty()) {
            wanted.add(one(name));
        }
        return wanted;
    }

    private static Wanted one(String name) {
        return new Wanted(name, List.of(name));
    }
}
