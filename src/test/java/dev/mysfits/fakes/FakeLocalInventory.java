package dev.mysfits.fakes;

import dev.mysfits.docker.LocalInventory;

import java.util.ArrayList;
import java.util.List;

/** An engine's listings, as given: containers by workshop label, tagged images. */
public final class FakeLocalInventory implements LocalInventory {
    public final List<String> workshops = new ArrayList<>();
    public final List<Container> containers = new ArrayList<>();
    public final List<Image> images = new ArrayList<>();
    public final List<String> workshopOf = new ArrayList<>();

    /** Adds a container labelled with this workshop. */
    public FakeLocalInventory container(String workshop, Container container) {
        workshopOf.add(workshop);
        containers.add(container);
        return this;
    }

    @Override
    public List<Container> containers(String workshop) {
        workshops.add(workshop);
        List<Container> found = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            if (workshopOf.get(i).equals(workshop)) {
                found.add(containers.get(i));
            }
        }
        return found;
    }

    @Override
    public List<Image> images() {
        return List.copyOf(images);
    }
}
