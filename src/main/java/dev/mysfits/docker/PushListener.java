package dev.mysfits.docker;

/** Hears about each layer as a push goes. */
@FunctionalInterface
public interface PushListener {
    void layer(LayerProgress progress);
}
