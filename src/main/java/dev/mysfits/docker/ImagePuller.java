package dev.mysfits.docker;

import dev.mysfits.registry.RegistryCredentials;

import java.time.Duration;

/** `docker pull`, with each layer's progress. */
public interface ImagePuller {
    /**
     * One step of one layer as the daemon reports it: "Pulling fs layer", "Downloading" (with bytes), "Extracting",
     * "Pull complete", "Already exists".
     *
     * @param current bytes so far, or null
     * @param total   the layer's size, or null
     */
    interface Listener {
        void layer(String layer, String status, Long current, Long total);
    }

    /** Why a pull was refused: no such image, no (good) login, or the engine cannot reach the registry at all. */
    enum Refusal { NOT_FOUND, UNAUTHORIZED, UNREACHABLE }

    /** The registry refused the image: no such repository or tag, or not without (other) credentials. */
    final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        public RefusedException(Refusal refusal, String daemonMessage) {
            super(daemonMessage);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * Pulls the image (name:tag or name@digest). The login, when given, is handed to the daemon for this call only.
     * The listener hears each layer's steps, and the image's own lines ("Pulling from ...") with a null layer.
     *
     * @throws RefusedException when the registry refuses it
     */
    void pull(String reference, RegistryCredentials credentials, Listener listener, Duration timeout);
}
