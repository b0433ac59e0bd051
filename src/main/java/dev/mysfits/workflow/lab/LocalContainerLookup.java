package dev.mysfits.workflow.lab;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.docker.LocalContainers;

import java.util.Optional;

/**
 * A service's local container, however it was started: the name `mysfits run` and `up` give it, or else the
 * service's own name when it runs the service's image (what the lab pages' `docker container run --name=inv` makes).
 */
public final class LocalContainerLookup {
    private LocalContainerLookup() {
    }

    static Optional<ContainerState> find(ContainerRunner runner, WorkshopConfig workshop, ServiceConfig service) {
        Optional<ContainerState> own = runner.find(LocalContainers.containerName(workshop.name(), service.name()));
        if (own.isPresent()) {
            return own;
        }
        return runner.find(service.name()).filter(c -> runsImage(c, service));
    }

    /** The first host port the service's running local container publishes; empty when none runs or the engine is away. */
    public static Optional<Integer> publishedPort(ContainerRunner runner, WorkshopConfig workshop, ServiceConfig service) {
        try {
            return find(runner, workshop, service).filter(ContainerState::running).flatMap(c -> c.hostPorts().stream().findFirst());
        } catch (MysfitsException engineAway) {
            return Optional.empty(); // the probe then tries the workshop file's port, and says what answered there
        }
    }

    private static boolean runsImage(ContainerState container, ServiceConfig service) {
        String image = container.image();
        return image != null && (image.equals(service.image()) || image.startsWith(service.image() + ":")
                || image.startsWith(service.image() + "@"));
    }
}
