package dev.mysfits.fakes;

import dev.mysfits.registry.RegistryCredentials;
import dev.mysfits.docker.ImagePusher;
import dev.mysfits.docker.LayerProgress;
import dev.mysfits.docker.LocalImage;
import dev.mysfits.docker.PushListener;
import dev.mysfits.docker.PushedTag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory engine and registry: local images by reference, and a remote blob store that makes a layer "exist"
 * once pushed, as a real registry does.
 */
public final class FakeImagePusher implements ImagePusher {
    public final Map<String, LocalImage> local = new LinkedHashMap<>();
    public final Map<String, Long> layers = new LinkedHashMap<>();
    public final Set<String> remoteLayers = new HashSet<>();
    public final List<String> calls = new ArrayList<>();
    public String digest = "sha256:" + "cd".repeat(32);

    public void addLocal(String id, String... repoTags) {
        LocalImage image = new LocalImage(id, List.of(repoTags));
        for (String tag : repoTags) {
            local.put(tag, image);
        }
    }

    @Override
    public Optional<LocalImage> findLocalImage(String reference) {
        calls.add("find " + reference);
        return Optional.ofNullable(local.get(reference));
    }

    @Override
    public void tag(String sourceReference, String repository, String tag) {
        calls.add("tag " + sourceReference + " " + repository + ":" + tag);
    }

    @Override
    public PushedTag push(String repository, String tag, RegistryCredentials credentials, PushListener listener,
                           Duration timeout) {
        calls.add("push " + repository + ":" + tag + " as " + credentials.username());
        Map<String, LayerProgress> result = new LinkedHashMap<>();
        layers.forEach((id, size) -> {
            LayerProgress done = remoteLayers.add(id)
                    ? new LayerProgress(id, LayerProgress.State.PUSHED, size, size)
                    : new LayerProgress(id, LayerProgress.State.EXISTS, 0, 0);
            listener.layer(done);
            result.put(id, done);
        });
        return new PushedTag(repository + ":" + tag, digest, result);
    }
}
