package dev.mysfits.net;

import java.net.URI;

/** Sends one HTTP request and reads the answer, read-only for what the caller asks (a lab probe's GET). */
public interface HttpRequester {
    /**
     * What came back.
     *
     * @param status  the HTTP status, or 0 when nothing answered
     * @param body    the body as text, or "" when nothing answered
     * @param failure why nothing answered ("connection refused"), or null when something did
     */
    record Answer(int status, String body, String failure) {
        public static Answer unanswered(String failure) {
            return new Answer(0, "", failure);
        }

        public boolean answered() {
            return failure == null;
        }
    }

    /** Never throws for a network failure: an address that refuses or times out is an Answer without a status. */
    Answer send(String method, URI url);
}
