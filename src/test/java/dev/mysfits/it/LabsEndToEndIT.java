package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each seed lab, 000 to 004, through `mysfits lab run ID --yes` on the sandbox, in a folder of its own that holds a
 * copy of what the lab needs (labs/ID.json, its workshop file, the samples and task-defs it names, at the same
 * relative paths): every step passes its check, `lab show` then has every step PASSED, and nothing is left, as
 * independent clients see it: the AWS CLI's inventory is the one before the lab, no task container runs, and the
 * docker CLI finds no container or image of the lab's workshop.
 *
 * <p>So that no other test collides with it, the copy's workshop, image and repository names are its own, and so
 * are the local ports: the workshop file's localPort and the port of a solve command's {@code -p}.
 */
class LabsEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PUBLISH = Pattern.compile("(?<=\\s)-p (\\d+)");

    @BeforeEach
    void freshMoto() {
        TestSandbox.resetMoto();
    }

    @Test
    void lab000() throws Exception {
        runsToTheEnd("000", monolithWorkshop());
    }

    @Test
    void lab001() throws Exception {
        runsToTheEnd("001", monolithWorkshop());
    }

    @Test
    void lab002() throws Exception {
        runsToTheEnd("002", monolithWorkshop());
    }

    @Test
    void lab003() throws Exception {
        runsToTheEnd("003", List.of("samples/notes-app"));
    }

    @Test
    void lab004() throws Exception {
        runsToTheEnd("004", List.of("samples/inventory-service"));
    }

    /** What labs 000 to 002 use: the repository's own workshop file and what it names. */
    private static List<String> monolithWorkshop() {
        return List.of("mysfits.json", "samples/monolith-service", "samples/like-service", "task-defs");
    }

    private static void runsToTheEnd(String id, List<String> needs) throws Exception {
        TestSandbox.requireDocker();
        long started = System.nanoTime();
        Path root = Files.createTempDirectory("mysfits-lab" + id);
        for (String path : needs) {
            Path source = TestSandbox.repoRoot().resolve(path);
            if (Files.isDirectory(source)) {
                LocalImages.copyOf(source, root.resolve(path));
            } else {
                Files.copy(source, root.resolve(path));
            }
        }
        String workshop = LocalImages.unique("lab" + id);
        Path labFile = root.resolve("labs").resolve(id + ".json");
        Files.createDirectories(labFile.getParent());
        ObjectNode lab = (ObjectNode) JSON.readTree(TestSandbox.repoRoot().resolve("labs").resolve(id + ".json").toFile());
        Path workshopFile = root.resolve(lab.get("workshop").asText());
        List<String> images = ownNames(workshopFile, workshop);
        ownPorts(lab);
        Files.writeString(labFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(lab));
        CommandHarness cli = TestSandbox.harness(workshopFile.getParent());
        SortedSet<String> baseline = AwsInventory.take();
        try {
            CommandHarness.Result ran = cli.run("lab", "run", id, "--yes");
            assertEquals(0, ran.exitCode(), ran.out() + ran.err());
            System.out.println("[LabsEndToEndIT] lab run " + id + " --yes:\n" + ran.out());
            for (JsonNode step : lab.get("steps")) {
                String passed = "✔ " + step.get("id").asText() + ": " + step.get("title").asText();
                assertTrue(ran.out().lines().anyMatch(passed::equals), "no line '" + passed + "' in:\n" + ran.out());
            }
            assertFalse(ran.out().contains("✘"), ran.out());

            JsonNode shown = JSON.readTree(cli.run("lab", "show", id, "--output", "json").ok().out());
            assertEquals(lab.get("steps").size(), shown.get("steps").size(), shown.toString());
            for (JsonNode step : shown.get("steps")) {
                assertEquals("PASSED", step.get("state").asText(), step.toString());
            }

            // Nothing left, as the AWS CLI and the docker CLI see it.
            assertEquals(baseline, AwsInventory.take(), "the AWS CLI's inventory is the one before the lab");
            assertEquals(List.of(), AwsInventory.runningTasks(), "no ECS task runs");
            assertEquals(List.of(), TestSandbox.taskContainers(), "no task container is left");
            assertEquals("", LocalImages.docker("ps", "-aq", "--filter", "label=mysfits.workshop=" + workshop), "no container of the lab");
            assertEquals("", LocalImages.docker("images", "-q", "--filter", "label=mysfits.workshop=" + workshop), "no image of the lab");
            for (String image : images) {
                assertEquals("", LocalImages.docker("images", "-q", image), "no image " + image);
                String containers = LocalImages.docker("ps", "-a", "--format", "{{.Image}}");
                assertTrue(containers.lines().noneMatch(c -> c.equals(image) || c.startsWith(image + ":")), containers);
            }
            System.out.println("[LabsEndToEndIT] lab " + id + ": " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } finally {
            cli.run("cleanup", "--yes");
            cli.run("cleanup", "--local", "--volumes", "--yes");
            LocalImages.removeEverythingOf(workshop);
            for (String image : images) {
                TestSandbox.run(List.of("sh", "-c", "docker images -q " + image + " | sort -u | xargs -r docker rmi -f"),
                        Map.of(), Duration.ofSeconds(60));
            }
            TestSandbox.run(List.of("rm", "-rf", root.toString()), Map.of(), Duration.ofSeconds(30));
        }
    }

    /** The workshop file's names made this test's own: the workshop, each service's image and repository; its images. */
    private static List<String> ownNames(Path workshopFile, String workshop) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(workshopFile.toFile());
        config.put("workshop", workshop);
        List<String> images = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.get("services").fields(); it.hasNext(); ) {
            ObjectNode service = (ObjectNode) it.next().getValue();
            String image = workshop + "/" + service.get("image").asText().replace('/', '-');
            service.put("image", image).put("repository", workshop + "/" + service.get("repository").asText().replace('/', '-'));
            if (service.hasNonNull("localPort")) {
                service.put("localPort", LocalImages.freePort());
            }
            if (!images.contains(image)) {
                images.add(image);
            }
        }
        Files.writeString(workshopFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        return images;
    }

    /** Each solve command's {@code -p PORT} on a free port of this test's (the port a check asks is the one published). */
    private static void ownPorts(ObjectNode lab) {
        for (JsonNode step : lab.get("steps")) {
            ArrayNode solve = (ArrayNode) step.get("solve");
            for (int i = 0; i < solve.size(); i++) {
                Matcher publish = PUBLISH.matcher(solve.get(i).asText());
                if (publish.find()) {
                    solve.set(i, publish.replaceAll("-p " + LocalImages.freePort()));
                }
            }
        }
    }
}
