package dev.mysfits.workflow.push;

import dev.mysfits.core.Bytes;
import dev.mysfits.docker.LayerProgress;
import dev.mysfits.docker.PushedTag;

import java.util.HashMap;
import java.util.Map;

/**
 * Sums up the pushes of several tags of one image: a layer counts as pushed if any of them sent it (the later tags
 * then find it already there), otherwise as already in the registry.
 */
final class LayerTally {
    private final Map<String, LayerProgress> layers = new HashMap<>();

    void add(PushedTag result) {
        result.layers().values().forEach(layer -> layers.merge(layer.layerId(), layer, LayerTally::stronger));
    }

    private static LayerProgress stronger(LayerProgress a, LayerProgress b) {
        if (a.state() == LayerProgress.State.PUSHED) {
            return a;
        }
        return b.state() == LayerProgress.State.PUSHED || !a.state().done() ? b : a;
    }

    int pushed() {
        return (int) layers.values().stream().filter(l -> l.state() == LayerProgress.State.PUSHED).count();
    }

    int existing() {
        return (int) layers.values().stream().filter(l -> l.state() == LayerProgress.State.EXISTS).count();
    }

    long bytesPushed() {
        return layers.values().stream().filter(l -> l.state() == LayerProgress.State.PUSHED)
                .mapToLong(LayerProgress::bytesSent).sum();
    }

    String summary() {
        return pushed() + (pushed() == 1 ? " layer" : " layers") + " pushed (" + Bytes.human(bytesPushed()) + "), "
                + existing() + " already in the registry";
    }
}
