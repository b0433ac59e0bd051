package dev.mysfits.aws;

import com.sun.net.httpserver.HttpServer;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import dev.mysfits.core.OutputFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The retry policy against a real HTTP endpoint that answers as a failing AWS would. */
class AwsRetryPolicyTest {
    private final List<int[]> script = new ArrayList<>(); // {status} per request, in order; then 200
    private final List<String> types = new ArrayList<>();
    private int requests;
    private HttpServer server;

    private AwsClients clients() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int index = requests++;
            int status = index < script.size() ? script.get(index)[0] : 200;
            String body = status == 200 ? "{\"clusterArns\":[\"arn:aws:ecs:us-east-1:123456789012:cluster/ws\"]}"
                    : "{\"__type\":\"" + types.get(index) + "\",\"message\":\"injected\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        GlobalSettings settings = new GlobalSettings("us-east-1", null, false,
                "http://127.0.0.1:" + server.getAddress().getPort(), false, false, OutputFormat.TEXT, null, null, null);
        return new AwsClients(settings, new Environment(Map.of("AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s"),
                Path.of("."), Path.of(".")));
    }

    private void fail(int status, String type) {
        script.add(new int[]{status});
        types.add(type);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void throttlingAnd5xx_areRetried_untilTheCallSucceeds_andCounted() throws IOException {
        fail(400, "ThrottlingException");
        fail(503, "ServiceUnavailableException");
        fail(500, "ServerException");
        try (AwsClients aws = clients()) {
            assertEquals(1, aws.ecs().listClusters().clusterArns().size());
            assertEquals(4, requests);
            assertEquals(1, aws.callCounter().total());
            assertEquals(3, aws.callCounter().retries());
        }
    }

    @Test
    void aClientError_isNotRetried() throws IOException {
        fail(400, "InvalidParameterException");
        try (AwsClients aws = clients()) {
            assertThrows(EcsException.class, () -> aws.ecs().listClusters());
            assertEquals(1, requests);
            assertEquals(0, aws.callCounter().retries());
        }
    }

    @Test
    void attemptsAreBounded() throws IOException {
        for (int i = 0; i < 20; i++) {
            fail(503, "ServiceUnavailableException");
        }
        try (AwsClients aws = clients()) {
            assertThrows(EcsException.class, () -> aws.ecs().listClusters());
            assertEquals(AwsRetryPolicy.MAX_ATTEMPTS, requests);
        }
    }
}
