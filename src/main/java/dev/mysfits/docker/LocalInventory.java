package dev.mysfits.docker;

import java.util.List;

/** What the local engine holds, as `docker ps` and `docker images` list it: read only. */
public interface LocalInventory {
    /**
     * A container of the workshop, running or not.
     *
     * @param service the service it runs (its mysfits.service label)
     * @param state   Docker's state: "running", "exited", "created"…
     * @param status  Docker's human status, as `docker ps` prints it: "Up 3 minutes", "Exited (1) 2 seconds ago"
     * @param ports   the ports it publishes on the host
     */
    record Container(String id, String name, String service, String image, String state, String status, List<PublishedPort> ports) {
        public Container {
            ports = List.copyOf(ports);
        }
    }

    /** A host port forwarded to a container port, as `docker ps` shows `0.0.0.0:8000->80/tcp`. */
    record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {
    }

    /**
     * An image and every name:tag it carries.
     *
     * @param repoDigests "host/repository@sha256:…" for each registry it was pushed to or pulled from: the manifest
     *                    digests the registry knows it by
     * @param created     when it was built, seconds since the epoch
     */
    record Image(String id, List<String> repoTags, List<String> repoDigests, long created, long size) {
        public Image {
            repoTags = List.copyOf(repoTags);
            repoDigests = List.copyOf(repoDigests);
        }
    }

    /** Containers labelled mysfits.workshop=workshop (the label run and up give them), running or not. */
    List<Container> containers(String workshop);

    /** Every tagged image of the engine. */
    List<Image> images();
}
