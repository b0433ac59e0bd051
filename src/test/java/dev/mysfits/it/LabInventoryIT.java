package dev.mysfits.it;

import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RX-M inventory lab (004) as mysfits commands, on a copy of samples/inventory-service: build
 * trash-can/inv:0.1 with a .dockerignore that matters, run it detached with a name and a port, curl it, read its
 * logs, then remove everything the lab made. Checked with the docker CLI and plain HTTP.
 */
class LabInventoryIT {

    @Test
    void lab004_buildRunCurlLogsStopAndRemoveEverything() throws Exception {
        Path lab = LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/inventory-service"));
        // What must stay out of the image: a virtualenv's bulk and a local secret.
        Files.createDirectories(lab.resolve("venv"));
        Files.write(lab.resolve("venv/big.bin"), new byte[8 * 1024 * 1024]);
        Files.writeString(lab.resolve(".env"), "INV_DB_PASSWORD=local-only\n");
        int port = LocalImages.freePort();
        LocalImages.setService(lab, "inv", Map.of("localPort", port));
        CommandHarness cli = TestSandbox.harness(lab);

        cli.run("build", "inv", "--tag", "0.1").ok();
        String files = LocalImages.docker("run", "--rm", "--entrypoint", "ls", "trash-can/inv:0.1", "-a", "/app");
        assertEquals(List.of(".", "..", "inv.py"), files.lines().toList(), "only the service goes into the image");

        String url = cli.run("run", "inv", "--tag", "0.1").ok().out().trim();
        assertEquals("http://127.0.0.1:" + port + "/", url);
        assertTrue(LocalImages.docker("ps", "--format", "{{.Names}} {{.Ports}}").contains(":" + port + "->8080/tcp"));
        var answer = TestSandbox.httpGet(url);
        assertEquals(200, answer.getKey());
        assertEquals("{\"version\":\"0.1\"}", answer.getValue().trim());
        String logs = cli.run("logs", "inv", "--local").ok().out();
        assertTrue(logs.contains("\"GET / HTTP/1.1\" 200"), logs);

        cli.run("stop", "inv").ok();
        cli.run("cleanup", "--local", "--yes").ok();
        String left = TestSandbox.run(List.of("docker", "ps", "-a", "--format", "{{.Image}}"), Map.of(), Duration.ofSeconds(20)).out();
        assertFalse(left.contains("trash-can/inv"), left);
        String images = TestSandbox.run(List.of("docker", "images", "-q", "trash-can/inv"), Map.of(), Duration.ofSeconds(20)).out();
        assertEquals("", images.trim(), "no trash-can/inv image left");
    }

}
