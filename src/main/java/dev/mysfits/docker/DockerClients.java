package dev.mysfits.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the docker-java client in one place. The API version is left unset so the client follows the daemon;
 * the host comes from --docker-host / DOCKER_HOST, resolved by the cli layer.
 */
public final class DockerClients {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerClients() {
    }

    /**
     * @param dockerConfig the Docker client's configuration directory, from our Environment (DOCKER_CONFIG or
     *                     ~/.docker) rather than docker-java's own reading of the process; null for the default
     */
    public static DockerClient create(String dockerHost, Path dockerConfig) {
        String host = dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : dockerHost;
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withDockerTlsVerify(false);
        if (dockerConfig != null) {
            builder.withDockerConfig(dockerConfig.toString());
        }
        DefaultDockerClientConfig config = builder.build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                .connectionTimeout(Duration.ofSeconds(3))
                // An inactivity timeout: a silent RUN step may take minutes; whole operations are bounded by callers.
                .responseTimeout(Duration.ofMinutes(10))
                .maxConnections(20)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
