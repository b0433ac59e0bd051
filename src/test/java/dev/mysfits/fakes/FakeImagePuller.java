package dev.mysfits.fakes;

import dev.mysfits.docker.ImagePuller;
import dev.mysfits.registry.RegistryCredentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A registry in memory: what it serves (the image lands in the fake engine, layer by layer), and what it refuses. */
public final class FakeImagePuller implements ImagePuller {
    private final FakeContainerRunner engine;
    public final Map<String, List<String>> served = new HashMap<>();
    public final Map<String, Refusal> refused = new HashMap<>();
    public final List<String> pulls = new ArrayList<>();
    public final List<RegistryCredentials> logins = new ArrayList<>();

    public FakeImagePuller(FakeContainerRunner engine) {
        this.engine = engine;
    }

    public FakeImagePuller serves(String reference, String... layers) {
        served.put(reference, List.of(layers));
        return this;
    }

    @Override
    public void pull(String reference, RegistryCredentials credentials, Listener listener, Duration timeout) {
        pulls.add(reference);
        logins.add(credentials);
        if (refused.containsKey(reference)) {
            throw new RefusedException(refused.get(reference), "the registry said no to " + reference);
        }
        List<String> layers = served.get(reference);
        if (layers == null) {
            throw new RefusedException(Refusal.NOT_FOUND, "manifest for " + reference + " not found: manifest unknown");
        }
        for (String layer : layers) {
            listener.layer(layer, "Pulling fs layer", null, null);
            listener.layer(layer, "Downloading", 512L, 1024L);
            listener.layer(layer, "Pull complete", null, null);
        }
        engine.images.add(reference);
    }
}
