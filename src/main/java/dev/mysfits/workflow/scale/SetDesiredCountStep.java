package dev.mysfits.workflow.scale;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/** Sets a service's desired count, when it differs; the context is the service as it was found. */
final class SetDesiredCountStep implements Step<ContainerService.Service> {
    private final ContainerService containers;
    private final String cluster;
    private final String service;
    private final int count;

    SetDesiredCountStep(ContainerService containers, String cluster, String service, int count) {
        this.containers = containers;
        this.cluster = cluster;
        this.service = service;
        this.count = count;
    }

    @Override
    public String name() {
        return "desired count";
    }

    @Override
    public Change plan(ContainerService.Service current) {
        String resource = "desired count of " + current.name();
        return current.desired() == count ? Change.none(resource, String.valueOf(current.desired()))
                : Change.update(resource, current.desired() + " -> " + count);
    }

    @Override
    public void apply(ContainerService.Service current, Change change) {
        containers.updateService(cluster, service, null, count);
    }
}
