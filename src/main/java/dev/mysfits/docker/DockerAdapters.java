package dev.mysfits.docker;

import com.github.dockerjava.api.DockerClient;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one place the Docker adapters are built, once per command; it hands out our interfaces only, so no
 * docker-java type leaves this package. The client is made on first use.
 */
public final class DockerAdapters implements AutoCloseable {
    private final String host;
    private final Path config;
    private DockerClient client;

    /**
     * @param dockerHost from --docker-host or DOCKER_HOST; null for the default socket
     * @param dockerConfig the Docker client's configuration directory (DOCKER_CONFIG or ~/.docker); null for none
     */
    public DockerAdapters(String dockerHost, Path dockerConfig) {
        this.host = dockerHost == null || dockerHost.isBlank() ? DockerClients.DEFAULT_HOST : dockerHost;
        this.config = dockerConfig;
    }

    /** The Docker host as the user would recognise it in an error message. */
    public String host() {
        return host;
    }

    private synchronized DockerClient client() {
        if (client == null) {
            client = DockerClients.create(host, config);
        }
        return client;
    }

    public ImageBuilder imageBuilder() {
        return new DockerImageBuilder(client(), host);
    }

    public ContainerRunner containerRunner() {
        return new DockerContainerRunner(client(), host);
    }

    public ImagePusher imagePusher() {
        return new DockerImagePusher(client());
    }

    public ImagePuller imagePuller() {
        return new DockerImagePuller(client());
    }

    public LocalInventory localInventory() {
        return new DockerLocalInventory(client(), host);
    }

    public LocalResources localResources() {
        return new DockerLocalResources(client());
    }

    /** Builds the client and pings, for the class-data training run only. */
    public void warmUp() {
        try {
            client().pingCmd().exec();
        } catch (RuntimeException expected) {
            // nothing listens where the training run points: loading the classes on the way was the point
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing at exit
            }
        }
    }
}
