package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mysfits diff on the sandbox, as a workshop uses it: nothing deployed is all new, right after a deploy nothing
 * differs, and a code change built and pushed is the image line alone. The live side is checked with the AWS CLI.
 */
class DiffIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAST = "--poll-interval=1s";

    @AfterAll
    static void awsWouldRefuseNoRequest() {
        TestSandbox.assertNoRequestAwsWouldRefuse();
    }

    @Test
    void diff_isEmptyRightAfterADeploy_andAfterACodeChangeBuildAndPushIsTheImageAlone_thenCleanupLeavesNothing() throws Exception {
        SortedSet<String> baseline = AwsInventory.take();
        DeployFixture ws = new DeployFixture("jdiffit").setup();
        // The like service's code, copied into the workshop: changing it is this test's own code change.
        Path source = ws.dir.resolve("like-service");
        copy(TestSandbox.repoRoot().resolve("samples").resolve("like-service"), source);
        ws.editConfig(config -> ((ObjectNode) config.get("services").get("like")).put("context", source.toString())
                .put("image", ws.name + "-like"));
        ws.run("build", "like").ok();
        ws.run("push", "like").ok();

        CommandHarness.Result fresh = ws.run("diff", "like", "--fargate");
        assertEquals(1, fresh.exitCode(), fresh.err());
        assertFalse(fresh.err().contains("Error:"), "a diff is not an error: " + fresh.err());
        List<String> freshLines = fresh.out().lines().toList();
        int definition = freshLines.indexOf("+  \"taskDefinition\": {");
        assertTrue(definition > 0, fresh.out());
        assertTrue(freshLines.subList(definition, freshLines.size() - 1).stream().allMatch(l -> l.startsWith("+")),
                "nothing deployed: the whole rendered definition is new\n" + fresh.out());

        ws.run("deploy", "like", "--fargate", FAST).ok();
        CommandHarness.Result same = ws.run("diff", "like", "--fargate");
        assertEquals(0, same.exitCode(), same.err());
        assertEquals("", same.out(), "right after a deploy nothing differs");
        assertTrue(same.err().contains("deploy would change nothing"), same.err());
        JsonNode sameJson = JSON.readTree(ws.run("diff", "like", "--fargate", "--output", "json").ok().out());
        assertFalse(sameJson.path("changed").asBoolean(), sameJson.toString());
        assertEquals("", sameJson.path("diff").asText());

        Files.writeString(source.resolve("app.py"), Files.readString(source.resolve("app.py")) + "\n# changed by DiffIT\n");
        ws.run("build", "like").ok();
        ws.run("push", "like").ok();

        // What runs, and what was pushed, as the AWS CLI sees them.
        String liveArn = ws.service("like").path("taskDefinition").asText();
        String liveImage = TestSandbox.aws("ecs", "describe-task-definition", "--task-definition", liveArn)
                .path("taskDefinition").path("containerDefinitions").get(0).path("image").asText();
        String repository = ws.name + "/like";
        String pushedDigest = TestSandbox.aws("ecr", "describe-images", "--repository-name", repository, "--image-ids", "imageTag=latest")
                .path("imageDetails").get(0).path("imageDigest").asText();
        String pushedImage = TestSandbox.REGISTRY_HOST + "/" + repository + "@" + pushedDigest;
        assertTrue(!liveImage.equals(pushedImage) && liveImage.startsWith(TestSandbox.REGISTRY_HOST + "/" + repository + "@sha256:"),
                liveImage + " / " + pushedImage);

        CommandHarness.Result changed = ws.run("diff", "like", "--fargate");
        assertEquals(1, changed.exitCode(), changed.err());
        assertFalse(changed.err().contains("Error:"), changed.err());
        List<String> changedLines = changed.out().lines()
                .filter(l -> (l.startsWith("-") || l.startsWith("+")) && !l.startsWith("--- ") && !l.startsWith("+++ ")).toList();
        assertEquals(List.of("-        \"image\": \"" + liveImage + "\",", "+        \"image\": \"" + pushedImage + "\","), changedLines,
                changed.out());
        assertTrue(changed.out().startsWith("--- live\n+++ template\n@@ "), changed.out());
        assertFalse(changed.out().contains("\033["), "no colour off a terminal");

        CommandHarness.Result json = ws.run("diff", "like", "--fargate", "--output", "json");
        assertEquals(1, json.exitCode(), json.err());
        JsonNode result = JSON.readTree(json.out());
        assertTrue(result.path("changed").asBoolean());
        assertEquals("like", result.path("service").asText());
        assertEquals(1, result.path("changes").size(), result.toString());
        assertEquals("taskDefinition.containerDefinitions[like].image", result.path("changes").get(0).path("path").asText());
        assertEquals(liveImage, result.path("changes").get(0).path("live").asText());
        assertEquals(pushedImage, result.path("changes").get(0).path("template").asText());
        assertEquals(changed.out(), result.path("diff").asText());
        assertEquals(liveArn, result.path("liveTaskDefinition").asText());

        ws.run("deploy", "like", "--fargate", FAST).ok();
        CommandHarness.Result deployed = ws.run("diff", "like", "--fargate");
        assertEquals(0, deployed.exitCode(), deployed.err());
        assertEquals("", deployed.out());

        ws.run("cleanup", "--yes").ok();
        assertEquals(List.of(), AwsInventory.runningTasks());
        assertEquals(baseline, AwsInventory.take(), "cleanup leaves nothing");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
