package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Lab 004 through `mysfits lab`, on a copy of labs/004.json and samples/inventory-service: a check before anything is
 * done fails at the build step with its hint; the build and run done by hand with the docker CLI, as the lab page
 * does them, pass their checks; a stopped container fails the run step alone; `lab run` from there solves the rest and
 * ends with nothing left, as the docker CLI sees it.
 */
class LabIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lab004_failsFirst_passesWhatWasDoneByHand_failsWhatBroke_andRunsToTheEnd() throws Exception {
        Path root = Files.createTempDirectory("mysfits-lab");
        Files.createDirectories(root.resolve("labs"));
        Files.copy(TestSandbox.repoRoot().resolve("labs/004.json"), root.resolve("labs/004.json"));
        Path lab = LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/inventory-service"), root.resolve("samples/inventory-service"));
        String workshop = LocalImages.unique("labit");
        String image = workshop + "/inv";
        int port = LocalImages.freePort();
        ObjectNode config = (ObjectNode) JSON.readTree(lab.resolve("mysfits.json").toFile());
        config.put("workshop", workshop);
        ((ObjectNode) config.get("services").get("inv")).put("image", image).put("repository", image).put("localPort", port);
        Files.writeString(lab.resolve("mysfits.json"), JSON.writeValueAsString(config));
        CommandHarness cli = TestSandbox.harness(lab);
        String handMade = "inv"; // the lab page's container name; no other test uses it
        TestSandbox.run(List.of("docker", "rm", "-f", handMade), Map.of(), Duration.ofSeconds(30));
        try {
            CommandHarness.Result fresh = cli.run("lab", "check", "004");
            assertEquals(1, fresh.exitCode(), fresh.err());
            assertTrue(fresh.out().contains("✔ dockerfile"), fresh.out());
            assertTrue(fresh.out().contains("✘ build"), fresh.out());
            assertTrue(fresh.out().contains("Hint: build it: mysfits build inv --tag 0.1"), fresh.out());
            assertTrue(fresh.err().contains("Error: lab 004: step build fails its check"), fresh.err());

            // By hand, as the lab page: docker build -t trash-can/inv:0.1 ., docker container run --name=inv -d -p=8080:8080 ...
            LocalImages.docker("build", "-q", "-t", image + ":0.1", lab.toString());
            LocalImages.docker("container", "run", "--name=" + handMade, "-d", "-p=" + port + ":8080", image + ":0.1");
            awaitAnswer(port);
            cli.run("lab", "check", "004", "build").ok();
            CommandHarness.Result run = cli.run("lab", "check", "004", "run").ok();
            assertTrue(run.out().contains("✔ GET / on inv's local port answers 200, with version = 0.1"), run.out());

            LocalImages.docker("container", "stop", handMade);
            CommandHarness.Result broken = cli.run("lab", "check", "004");
            assertEquals(1, broken.exitCode(), broken.err());
            assertTrue(broken.out().contains("✔ build") && broken.out().contains("✘ run"), broken.out());
            assertTrue(broken.err().contains("step run fails its check"), broken.err());
            LocalImages.docker("container", "rm", handMade);

            CommandHarness.Result ran = cli.run("lab", "run", "004", "--from", "run");
            assertEquals(0, ran.exitCode(), ran.err());
            assertTrue(ran.out().contains("✔ clean-up"), ran.out());
            assertTrue(ran.err().contains("$ mysfits cleanup --local --yes"), ran.err());

            JsonNode shown = JSON.readTree(cli.run("lab", "show", "004", "--output", "json").ok().out());
            for (JsonNode step : shown.get("steps")) {
                assertEquals("PASSED", step.get("state").asText(), step.toString());
            }
            String containers = LocalImages.docker("ps", "-a", "--format", "{{.Image}}");
            assertFalse(containers.contains(image), containers);
            assertEquals("", LocalImages.docker("images", "-q", image), "no image of the lab is left");
        } finally {
            TestSandbox.run(List.of("docker", "rm", "-f", handMade), Map.of(), Duration.ofSeconds(30));
            LocalImages.removeEverythingOf(workshop);
            TestSandbox.run(List.of("docker", "rmi", "-f", image + ":0.1"), Map.of(), Duration.ofSeconds(30));
        }
    }

    private static void awaitAnswer(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                if (TestSandbox.httpGet("http://127.0.0.1:" + port + "/").getKey() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the service is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the hand-made container never answered on " + port);
    }
}
