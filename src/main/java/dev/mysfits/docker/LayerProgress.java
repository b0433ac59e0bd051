package dev.mysfits.docker;

/**
 * Where one layer of a push stands.
 *
 * @param current bytes sent so far (the daemon's count may exceed total: it counts what it sends, compressed)
 * @param total   the layer's size as the daemon announced it, 0 when unknown
 */
public record LayerProgress(String layerId, State state, long current, long total) {
    public enum State {
        PREPARING, WAITING, PUSHING, RETRYING, PUSHED, EXISTS;

        public boolean done() {
            return this == PUSHED || this == EXISTS;
        }
    }

    /** Bytes this layer put on the wire (what the daemon counted, or its size when it sent no count). */
    public long bytesSent() {
        return Math.max(current, state == State.PUSHED ? total : 0);
    }
}
