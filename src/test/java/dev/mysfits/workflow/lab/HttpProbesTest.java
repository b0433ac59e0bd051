package dev.mysfits.workflow.lab;

import com.sun.net.httpserver.HttpServer;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.lab.Probe;
import dev.mysfits.net.JdkHttpRequester;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The http probe against a real server on the loopback: its local port, and a load balancer address setup found. */
class HttpProbesTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private int port;
    private final HttpProbes probes = new HttpProbes(new JdkHttpRequester(Duration.ofSeconds(1), Duration.ofSeconds(3)),
            w -> () -> infrastructure("127.0.0.1", port));

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean root = exchange.getRequestURI().getPath().equals("/");
            byte[] body = (root ? "{\"version\": \"0.1\", \"items\": [{\"name\": \"can\"}]}" : "not here").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(root ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Probe.Http get(String target, String path, int status, String contains, String jsonPath, String equals) {
        return new Probe.Http(target, "GET", path, status, contains, jsonPath, equals, "curl it");
    }

    @Test
    void aLocalPortThatAnswersAsTheLabSaysPasses() {
        WorkshopConfig workshop = LabWorkshops.trashCan(dir, port);
        Probe.Http probe = get("local:inv", "/", 200, "version", "version", "0.1");
        assertEquals(Optional.empty(), probes.problem(probe, workshop));
        assertEquals(Optional.empty(), probes.problem(get("local:inv", "/", 200, null, "items.0.name", "can"), workshop));
        assertEquals("GET / on inv's local port answers 200, its body holding \"version\", with version = 0.1",
                probes.describe(probe, workshop));
    }

    @Test
    void aLocalTarget_isAskedOnThePortItsRunningContainerPublishes_asTheLabPagesRunItOnPortsOfTheirOwn() {
        WorkshopConfig workshop = LabWorkshops.trashCan(dir, 1);
        HttpProbes published = new HttpProbes(new JdkHttpRequester(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                w -> () -> infrastructure("127.0.0.1", port), (w, service) -> Optional.of(port));
        HttpProbes none = new HttpProbes(new JdkHttpRequester(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                w -> () -> infrastructure("127.0.0.1", port), (w, service) -> Optional.empty());

        assertEquals(Optional.empty(), published.problem(get("local:inv", "/", 200, "version", null, null), workshop));
        assertTrue(none.problem(get("local:inv", "/", 200, "version", null, null), workshop).orElseThrow().contains("127.0.0.1:1/"),
                "without a running container, the workshop file's localPort");
    }

    @Test
    void theLoadBalancerIsAskedAtTheAddressAndPortSetupMade() {
        WorkshopConfig workshop = LabWorkshops.trashCan(dir, 8080);
        assertEquals(Optional.empty(), probes.problem(get("alb", "/missing", 404, "not here", null, null), workshop));
    }

    @Test
    void aWrongStatusOrFieldFailsWithWhatWasFound() {
        WorkshopConfig workshop = LabWorkshops.trashCan(dir, port);
        assertEquals(Optional.of("http://127.0.0.1:" + port + "/missing answered 404: not here"),
                probes.problem(get("local:inv", "/missing", 200, null, null, null), workshop));
        assertEquals(Optional.of("version is \"0.1\""), probes.problem(get("local:inv", "/", 200, null, "version", "0.2"), workshop));
        assertTrue(probes.problem(get("local:inv", "/", 200, null, "items.3.name", "can"), workshop).orElseThrow()
                .startsWith("the JSON has no items.3"));
    }

    @Test
    void aRefusedConnectionIsAFailedProbeNotAnError() {
        server.stop(0);
        WorkshopConfig workshop = LabWorkshops.trashCan(dir, port);
        String problem = probes.problem(get("local:inv", "/", 200, null, null, null), workshop).orElseThrow();
        assertTrue(problem.contains("127.0.0.1:" + port), problem);
    }

    private static Infrastructure infrastructure(String dns, int listenerPort) {
        return new Infrastructure("trash-can", "us-east-1", "vpc-1", List.of(), "sg-alb", "sg-tasks", "arn:alb", dns,
                Infrastructure.url(dns, listenerPort), "arn:listener", "trash-can", "arn:cluster", "arn:exec", "arn:task",
                Map.of(), List.of(), listenerPort);
    }
}
