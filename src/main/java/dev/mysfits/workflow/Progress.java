package dev.mysfits.workflow;

/** How far long work has come: waits, image layers moving, and the steps of an image build. The console draws them. */
public sealed interface Progress {
    /** Repeated while a wait lasts; key names the wait, so its lines replace each other. */
    record Waiting(String key, String line) implements Progress {
    }

    /** Once, when the wait named by key ended well. */
    record Ready(String key, String line) implements Progress {
    }

    /**
     * A layer of an image moving to or from a registry.
     *
     * @param status   what it does or did: "Pushing", "Downloading", "Pushed", "Already exists"
     * @param current  bytes moved so far, or null when not counted
     * @param total    bytes in all, or null when unknown
     * @param finished the layer is done: said once
     */
    record Layer(String layer, String status, Long current, Long total, boolean finished) implements Progress {
    }

    /** An image build started the step shown, as `docker build` names it ("Step 2/5 : RUN make"). */
    record BuildStep(String step) implements Progress {
    }

    /** The step before was served from the build cache. */
    record BuildCached() implements Progress {
    }

    /** A line the build step's command printed. */
    record BuildOutput(String line) implements Progress {
    }
}
