package dev.mysfits.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.OptionalInt;

/** A plain GET with short timeouts: the JDK's HttpURLConnection starts faster than java.net.http. */
public final class HttpHealthProbe implements HealthProbe {
    @Override
    public OptionalInt status(URI url) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(3_000);
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return OptionalInt.of(status);
        } catch (IOException notYet) {
            return OptionalInt.empty();
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
