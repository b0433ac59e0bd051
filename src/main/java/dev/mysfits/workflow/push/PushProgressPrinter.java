package dev.mysfits.workflow.push;

import dev.mysfits.console.Console;
import dev.mysfits.docker.LayerProgress;
import dev.mysfits.docker.PushListener;

import java.util.HashSet;
import java.util.Set;

/** One progress line per layer while it moves, one final line when it is done (once, however many tags follow). */
final class PushProgressPrinter implements PushListener {
    private final Console console;
    private final Set<String> finished = new HashSet<>();

    PushProgressPrinter(Console console) {
        this.console = console;
    }

    @Override
    public void layer(LayerProgress p) {
        String id = p.layerId();
        if (finished.contains(id)) {
            return; // the next tag pushes the same layers again: their final state was said once, for the first
        }
        switch (p.state()) {
            case PREPARING, WAITING -> console.progress(id, id + ": " + (p.state() == LayerProgress.State.WAITING ? "Waiting" : "Preparing"));
            case RETRYING -> console.progress(id, id + ": Retrying");
            case PUSHING -> console.progress(id, id + ": Pushing " + Bytes.human(p.current())
                    + (p.total() > 0 ? " / " + Bytes.human(p.total()) : ""));
            case PUSHED -> {
                if (finished.add(id)) {
                    console.progressDone(id, id + ": Pushed " + Bytes.human(p.bytesSent()));
                }
            }
            case EXISTS -> {
                if (finished.add(id)) {
                    console.progressDone(id, id + ": Layer already exists");
                }
            }
        }
    }
}
