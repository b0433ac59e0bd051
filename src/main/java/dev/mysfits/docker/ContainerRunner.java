package dev.mysfits.docker;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs containers on the local engine, the way `docker run -d`, `docker logs` and `docker rm -f` do. */
public interface ContainerRunner {
    default boolean imageExists(String reference) {
        return imageId(reference).isPresent();
    }

    /** The image's id ("sha256:..."), empty when the engine has no such image. */
    Optional<String> imageId(String reference);

    /** Creates the user-defined bridge network unless one of that name exists. */
    void ensureNetwork(String name, Map<String, String> labels);

    /** Removes the network; false when it was already gone. */
    boolean removeNetwork(String name);

    /** Creates the named volume unless it exists; true when it was created (an existing one keeps its data). */
    boolean ensureVolume(String name, Map<String, String> labels);

    Optional<ContainerState> find(String name);

    /**
     * Creates and starts the container.
     *
     * @throws dev.mysfits.core.MysfitsException a usage error when the host port is taken (nothing is left behind)
     */
    ContainerState start(ContainerSpec spec);

    /**
     * Runs the container to its end in the foreground, as `docker container run --rm` does: its output, as written,
     * goes to the sink, and the engine removes the container when it exits, even if this process is killed meanwhile.
     *
     * @return the container's exit code
     */
    int runToExit(ContainerSpec spec, Consumer<String> output);

    /** Stops (with a short grace period) and removes the container; true if there was one. */
    boolean remove(String name);

    /** Sends log text (stdout and stderr, as written) to the sink; blocks until done. */
    void logs(String name, LogQuery query, Consumer<String> sink);
}
