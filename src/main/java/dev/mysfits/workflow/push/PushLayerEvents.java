package dev.mysfits.workflow.push;

import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Progress;
import dev.mysfits.docker.LayerProgress;
import dev.mysfits.docker.PushListener;

import java.util.HashSet;
import java.util.Set;

/** Each layer's progress while it moves, and once when it is done (once, however many tags follow). */
final class PushLayerEvents implements PushListener {
    private final Events events;
    private final Set<String> finished = new HashSet<>();

    PushLayerEvents(Events events) {
        this.events = events;
    }

    private void moving(String id, String status, Long current, Long total) {
        events.progress(new Progress.Layer(id, status, current, total, false));
    }

    @Override
    public void layer(LayerProgress p) {
        String id = p.layerId();
        if (finished.contains(id)) {
            return; // the next tag pushes the same layers again: their final state was said once, for the first
        }
        switch (p.state()) {
            case PREPARING, WAITING -> moving(id, p.state() == LayerProgress.State.WAITING ? "Waiting" : "Preparing", null, null);
            case RETRYING -> moving(id, "Retrying", null, null);
            case PUSHING -> moving(id, "Pushing", p.current(), p.total());
            case PUSHED -> {
                if (finished.add(id)) {
                    events.progress(new Progress.Layer(id, "Pushed", p.bytesSent(), null, true));
                }
            }
            case EXISTS -> {
                if (finished.add(id)) {
                    events.progress(new Progress.Layer(id, "Layer already exists", null, null, true));
                }
            }
        }
    }
}
