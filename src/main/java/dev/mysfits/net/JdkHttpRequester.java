package dev.mysfits.net;

import dev.mysfits.core.Interrupted;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** {@link HttpRequester} on java.net.http, with short timeouts and no redirects followed. */
public final class JdkHttpRequester implements HttpRequester {
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private HttpClient client;

    public JdkHttpRequester() {
        this(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    public JdkHttpRequester(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Answer send(String method, URI url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
        } catch (IllegalArgumentException e) {
            return Answer.unanswered("cannot ask " + url + ": " + e.getMessage());
        }
        try {
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body(), null);
        } catch (HttpTimeoutException e) {
            return Answer.unanswered(url + " did not answer within " + requestTimeout.toSeconds() + "s");
        } catch (ConnectException e) {
            return Answer.unanswered(url + " refused the connection (nothing listens there)");
        } catch (IOException e) {
            return Answer.unanswered(url + " did not answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted(e);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }
}
