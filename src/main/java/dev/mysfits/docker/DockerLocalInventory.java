package dev.mysfits.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** LocalInventory with docker-java; each listing bounded by a timeout. */
public final class DockerLocalInventory implements LocalInventory {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private final DockerClient docker;
    private final DockerCalls calls;

    public DockerLocalInventory(DockerClient docker, String dockerHost) {
        this.docker = docker;
        this.calls = new DockerCalls(dockerHost);
    }

    @Override
    public List<Container> containers(String workshop) {
        return calls.call("list containers of workshop " + workshop, QUICK, () -> {
            List<Container> found = new ArrayList<>();
            for (com.github.dockerjava.api.model.Container c : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(LocalContainers.LABEL_WORKSHOP, workshop)).exec()) {
                String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
                String service = c.getLabels() == null ? null : c.getLabels().get(LocalContainers.LABEL_SERVICE);
                List<PublishedPort> ports = new ArrayList<>();
                if (c.getPorts() != null) {
                    for (ContainerPort p : c.getPorts()) {
                        if (p.getPublicPort() != null && p.getPrivatePort() != null) {
                            ports.add(new PublishedPort(p.getIp(), p.getPublicPort(), p.getPrivatePort(), p.getType()));
                        }
                    }
                }
                found.add(new Container(c.getId(), name, service, c.getImage(), c.getState(), c.getStatus(), ports));
            }
            return found;
        });
    }

    @Override
    public List<Image> images() {
        return calls.call("list images", QUICK, () -> {
            List<Image> found = new ArrayList<>();
            for (com.github.dockerjava.api.model.Image i : docker.listImagesCmd().exec()) {
                List<String> tags = i.getRepoTags() == null ? List.of()
                        : Arrays.stream(i.getRepoTags()).filter(t -> !"<none>:<none>".equals(t)).toList();
                if (tags.isEmpty()) {
                    continue;
                }
                List<String> digests = i.getRepoDigests() == null ? List.of()
                        : Arrays.stream(i.getRepoDigests()).filter(d -> !d.startsWith("<none>")).toList();
                found.add(new Image(i.getId(), tags, digests, i.getCreated() == null ? 0 : i.getCreated(),
                        i.getSize() == null ? 0 : i.getSize()));
            }
            return found;
        });
    }
}
