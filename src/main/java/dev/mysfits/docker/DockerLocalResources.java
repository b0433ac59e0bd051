package dev.mysfits.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import dev.mysfits.core.MysfitsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** LocalResources with docker-java. */
public final class DockerLocalResources implements LocalResources {
    private final DockerClient docker;

    public DockerLocalResources(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public List<LocalContainer> containers(String workshop) {
        try {
            List<LocalContainer> found = new ArrayList<>();
            for (Container c : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(LocalContainers.LABEL_WORKSHOP, workshop)).exec()) {
                String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
                found.add(new LocalContainer(c.getId(), name, "running".equals(c.getState())));
            }
            return found;
        } catch (RuntimeException e) {
            throw wrap("docker list containers of workshop " + workshop, e);
        }
    }

    @Override
    public List<LocalImage> images(List<String> repositories) {
        try {
            List<LocalImage> found = new ArrayList<>();
            for (Image image : docker.listImagesCmd().exec()) {
                if (image.getRepoTags() == null) {
                    continue;
                }
                for (String reference : image.getRepoTags()) {
                    if (!"<none>:<none>".equals(reference) && matches(reference, repositories)) {
                        found.add(new LocalImage(image.getId(), reference));
                    }
                }
            }
            return found;
        } catch (RuntimeException e) {
            throw wrap("docker list images", e);
        }
    }

    /** "monolith-service:latest", "host:443/mysfits/monolith-service:v1" both match "monolith-service" or the repo path. */
    static boolean matches(String reference, List<String> repositories) {
        int colon = reference.lastIndexOf(':');
        String name = colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
        int slash = name.indexOf('/');
        String withoutRegistry = name;
        if (slash > 0) {
            String first = name.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                withoutRegistry = name.substring(slash + 1);
            }
        }
        return repositories.contains(name) || repositories.contains(withoutRegistry);
    }

    @Override
    public List<LocalNetwork> networks(String workshop) {
        try {
            List<LocalNetwork> found = new ArrayList<>();
            for (Network network : docker.listNetworksCmd().withFilter("label", List.of(LocalContainers.LABEL_WORKSHOP + "=" + workshop)).exec()) {
                found.add(new LocalNetwork(network.getId(), network.getName()));
            }
            return found;
        } catch (RuntimeException e) {
            throw wrap("docker list networks of workshop " + workshop, e);
        }
    }

    @Override
    public void removeContainer(LocalContainer container) {
        try {
            if (container.running()) {
                try {
                    docker.stopContainerCmd(container.id()).withTimeout(5).exec();
                } catch (NotModifiedException alreadyStopped) {
                    // stopped meanwhile
                }
            }
            docker.removeContainerCmd(container.id()).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // removed meanwhile
        } catch (RuntimeException e) {
            throw wrap("docker remove container " + container.name(), e);
        }
    }

    @Override
    public void removeImage(LocalImage image) {
        try {
            docker.removeImageCmd(image.reference()).exec();
        } catch (NotFoundException gone) {
            // removed meanwhile
        } catch (ConflictException e) {
            throw MysfitsException.failed("docker remove image " + image.reference() + ": " + firstLine(e.getMessage()),
                    "a container outside this workshop uses it: remove that container first", e);
        } catch (RuntimeException e) {
            throw wrap("docker remove image " + image.reference(), e);
        }
    }

    @Override
    public void removeNetwork(LocalNetwork network) {
        try {
            docker.removeNetworkCmd(network.id()).exec();
        } catch (NotFoundException gone) {
            // removed meanwhile
        } catch (RuntimeException e) {
            throw wrap("docker remove network " + network.name(), e);
        }
    }

    @Override
    public List<LocalVolume> volumes(String workshop) {
        try {
            List<LocalVolume> found = new ArrayList<>();
            var response = docker.listVolumesCmd().withFilter("label", List.of(LocalContainers.LABEL_WORKSHOP + "=" + workshop)).exec();
            if (response.getVolumes() != null) {
                response.getVolumes().forEach(v -> found.add(new LocalVolume(v.getName())));
            }
            return found;
        } catch (RuntimeException e) {
            throw wrap("docker list volumes of workshop " + workshop, e);
        }
    }

    @Override
    public void removeVolume(LocalVolume volume) {
        try {
            docker.removeVolumeCmd(volume.name()).exec();
        } catch (NotFoundException gone) {
            // removed meanwhile
        } catch (RuntimeException e) {
            throw wrap("docker remove volume " + volume.name(), e);
        }
    }

    private static MysfitsException wrap(String doing, RuntimeException e) {
        return MysfitsException.failed(doing + ": " + firstLine(String.valueOf(e.getMessage())),
                "check that the Docker engine is running (docker info)", e);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
