package dev.mysfits.workflow.lab;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.lab.Probe;

import java.util.Optional;
import java.util.function.Supplier;

/** An ECS service of the workshop's cluster runs this many tasks, and its primary deployment is in this rollout state. */
public final class ServiceProbes implements ProbeEvaluator<Probe.Service> {
    private final Supplier<ContainerService> containers;

    public ServiceProbes(Supplier<ContainerService> containers) {
        this.containers = containers;
    }

    @Override
    public String describe(Probe.Service probe, WorkshopConfig workshop) {
        return "ECS service " + probe.service() + " runs " + probe.running() + " task" + (probe.running() == 1 ? "" : "s")
                + (probe.rollout() == null ? "" : ", its rollout " + probe.rollout());
    }

    @Override
    public Optional<String> problem(Probe.Service probe, WorkshopConfig workshop) {
        ResourceNames names = new ResourceNames(workshop.name());
        String name = names.ecsService(workshop.service(probe.service()).name());
        ContainerService ecs = containers.get();
        if (!ecs.clusterExists(names.cluster())) {
            return Optional.of("no ECS cluster " + names.cluster() + " (mysfits setup makes it)");
        }
        Optional<ContainerService.Service> found = ecs.describeService(names.cluster(), name)
                .filter(s -> !"INACTIVE".equals(s.status()));
        if (found.isEmpty()) {
            return Optional.of("no service " + name + " in cluster " + names.cluster());
        }
        ContainerService.Service service = found.get();
        if (service.running() != probe.running()) {
            return Optional.of("it runs " + service.running() + " (desired " + service.desired() + ", pending "
                    + service.pending() + ")");
        }
        if (probe.rollout() != null) {
            String rollout = service.deployments().stream().filter(d -> "PRIMARY".equals(d.status()))
                    .map(ContainerService.Deployment::rolloutState).findFirst().orElse(null);
            if (!probe.rollout().equalsIgnoreCase(String.valueOf(rollout))) {
                return Optional.of("its primary deployment's rollout is " + (rollout == null ? "not reported" : rollout)
                        + (service.deployments().size() > 1 ? " (" + service.deployments().size() + " deployments)" : ""));
            }
        }
        return Optional.empty();
    }
}
