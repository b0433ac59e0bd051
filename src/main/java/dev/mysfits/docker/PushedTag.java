package dev.mysfits.docker;

import java.util.Map;

/** What one push of one tag did: the manifest digest and each layer's final state. */
public record PushedTag(String reference, String digest, Map<String, LayerProgress> layers) {
}
