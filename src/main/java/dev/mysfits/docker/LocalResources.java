package dev.mysfits.docker;

import java.util.List;

/** The local Docker things build and run made: found by label or image name, removed one by one. */
public interface LocalResources {
    record LocalContainer(String id, String name, boolean running) {
    }

    /** An image by one of its references (name:tag). */
    record LocalImage(String id, String reference) {
    }

    record LocalNetwork(String id, String name) {
    }

    /** A named volume `up` made: its data is the workshop's, so it is removed only when asked for. */
    record LocalVolume(String name) {
    }

    /** Containers, running or not, labelled mysfits.workshop=workshop (the label run gives them). */
    List<LocalContainer> containers(String workshop);

    /**
     * Image references (every tag) whose repository is one of the given names, with or without a registry host
     * in front (so the ECR-tagged copies push made are included). By name, not by label: a tag someone else put
     * on the same image is theirs, and survives.
     */
    List<LocalImage> images(List<String> repositories);

    List<LocalNetwork> networks(String workshop);

    /** Volumes labelled mysfits.workshop=workshop. */
    List<LocalVolume> volumes(String workshop);

    /** Stops (briefly, politely) and removes it; gone already counts as removed. */
    void removeContainer(LocalContainer container);

    /** Removes one reference; the image itself goes with its last reference. */
    void removeImage(LocalImage image);

    void removeNetwork(LocalNetwork network);

    void removeVolume(LocalVolume volume);
}
