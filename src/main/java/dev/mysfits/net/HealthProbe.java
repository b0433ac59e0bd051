package dev.mysfits.net;

import java.net.URI;
import java.util.OptionalInt;

/** Asks a URL once; the HTTP status, or empty when nothing answered. */
public interface HealthProbe {
    OptionalInt status(URI url);
}
