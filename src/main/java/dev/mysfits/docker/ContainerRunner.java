package dev.mysfits.docker;

import java.util.Optional;
import java.util.function.Consumer;

/** Runs containers on the local engine, the way `docker run -d`, `docker logs` and `docker rm -f` do. */
public interface ContainerRunner {
    boolean imageExists(String reference);

    Optional<ContainerState> find(String name);

    /**
     * Creates and starts the container.
     *
     * @throws dev.mysfits.core.MysfitsException a usage error when the host port is taken (nothing is left behind)
     */
    ContainerState start(ContainerSpec spec);

    /** Stops (with a short grace period) and removes the container; true if there was one. */
    boolean remove(String name);

    /** Sends log text (stdout and stderr, as written) to the sink; blocks until done. */
    void logs(String name, LogQuery query, Consumer<String> sink);
}
