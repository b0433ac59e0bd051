package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.mysfits.it.LocalImages.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mysfits run`, `logs --local` and `stop` against the real engine, checked with HTTP and the docker CLI. */
class LocalRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String workshopName;
    private static String container;
    private static Path workshop;

    @BeforeAll
    static void buildOnce() {
        TestSandbox.requireDocker();
        workshopName = LocalImages.unique("run");
        container = "mysfits-" + workshopName + "-monolith";
        workshop = TestSandbox.workshop(workshopName);
        LocalImages.setService(workshop, "monolith", Map.of("image", workshopName + "-monolith"));
        CommandHarness.Result build = TestSandbox.harness(workshop).run("build", "monolith");
        assertEquals(0, build.exitCode(), build.err());
    }

    @AfterAll
    static void cleanUp() {
        LocalImages.removeEverythingOf(workshopName);
    }

    private static List<String> containersNamed() {
        String out = docker("ps", "-a", "--filter", "name=^/" + container + "$", "--format", "{{.Names}}");
        return out.isEmpty() ? List.of() : out.lines().toList();
    }

    @Test
    void run_answersOnMappedPort_logsShowRequest_rerunConverges_stopRemoves() throws IOException {
        int port = LocalImages.freePort();
        CommandHarness.Result run = TestSandbox.harness(workshop).run("run", "monolith", "--port", String.valueOf(port),
                "-e", "GREETING=hello");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("http://127.0.0.1:" + port + "/", run.out().strip());
        Map.Entry<Integer, String> mysfits = TestSandbox.httpGet("http://127.0.0.1:" + port + "/mysfits");
        assertEquals(200, mysfits.getKey());
        JsonNode list = JSON.readTree(mysfits.getValue()).get("mysfits");
        assertTrue(list.isArray() && list.size() > 0, mysfits.getValue());
        String inspected = docker("inspect", "--format", "{{json .Config.Labels}} {{json .Config.Env}}", container);
        assertTrue(inspected.contains("\"mysfits.workshop\":\"" + workshopName + "\""), inspected);
        assertTrue(inspected.contains("\"mysfits.service\":\"monolith\""), inspected);
        assertTrue(inspected.contains("GREETING=hello"), inspected);

        CommandHarness.Result logs = TestSandbox.harness(workshop).run("logs", "monolith", "--local");
        assertEquals(0, logs.exitCode(), logs.err());
        assertTrue(logs.out().contains("\"GET /mysfits\" 200"), logs.out());
        CommandHarness.Result tail = TestSandbox.harness(workshop).run("logs", "monolith", "--local", "--tail", "1");
        assertEquals(1, tail.out().strip().lines().count(), tail.out());

        CommandHarness.Result again = TestSandbox.harness(workshop).run("run", "monolith", "--port", String.valueOf(port), "--output", "json");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(port, JSON.readTree(again.out()).get("hostPort").asInt());
        assertEquals(List.of(container), containersNamed());
        assertFalse(inspected.isEmpty());

        CommandHarness.Result stop = TestSandbox.harness(workshop).run("stop", "monolith");
        assertEquals(0, stop.exitCode(), stop.err());
        assertEquals(List.of(), containersNamed());
        CommandHarness.Result stopAgain = TestSandbox.harness(workshop).run("stop", "monolith");
        assertEquals(0, stopAgain.exitCode(), stopAgain.err());
        assertTrue(stopAgain.err().contains("nothing to stop"), stopAgain.err());
    }

    @Test
    void hostPortInUse_exits2_namingThePort_andCreatesNothing() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            CommandHarness.Result result = TestSandbox.harness(workshop).run("run", "monolith", "--port", String.valueOf(port));
            assertEquals(2, result.exitCode(), result.err());
            assertTrue(result.err().contains("host port " + port + " is already in use"), result.err());
            assertTrue(result.err().contains("--port"), result.err());
        }
        assertEquals(List.of(), containersNamed());
    }

    @Test
    void imageNotBuilt_exits3_sayingToBuildFirst() {
        Path other = TestSandbox.workshop(workshopName);
        LocalImages.setService(other, "monolith", Map.of("image", workshopName + "-never-built"));
        CommandHarness.Result result = TestSandbox.harness(other).run("run", "monolith", "--port", String.valueOf(LocalImages.freePort()));
        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("run mysfits build monolith first"), result.err());
    }

    @Test
    void unhealthy_timesOut_exit4_withLastLogLines() {
        Path other = TestSandbox.workshop(workshopName);
        LocalImages.setService(other, "monolith", Map.of("image", workshopName + "-monolith", "healthPath", "/no-such-path"));
        try {
            CommandHarness.Result result = TestSandbox.harness(other).run("run", "monolith",
                    "--port", String.valueOf(LocalImages.freePort()), "--timeout", "3s");
            assertEquals(4, result.exitCode(), result.err());
            assertTrue(result.err().contains("did not answer 2xx within 3s: it answered HTTP 404"), result.err());
            assertTrue(result.err().contains("| ") && result.err().contains("/no-such-path"), result.err());
        } finally {
            TestSandbox.harness(other).run("stop", "monolith");
        }
    }

    @Test
    void logsAndStop_unknownService_exit2() {
        assertEquals(2, TestSandbox.harness(workshop).run("logs", "nope", "--local").exitCode());
        assertEquals(2, TestSandbox.harness(workshop).run("stop", "nope").exitCode());
        assertEquals(2, TestSandbox.harness(workshop).run("run", "nope").exitCode());
    }
}
