package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.mysfits.it.LocalImages.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mysfits build` against the real engine, checked with the docker CLI. */
class ImageBuildIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String workshopName;
    private static String image;

    @BeforeAll
    static void engine() {
        TestSandbox.requireDocker();
        workshopName = LocalImages.unique("img");
        image = workshopName + "-monolith";
    }

    @AfterAll
    static void cleanUp() {
        LocalImages.removeEverythingOf(workshopName);
    }

    private static Path workshop(Path context) {
        Path dir = TestSandbox.workshop(workshopName);
        LocalImages.setService(dir, "monolith", context == null ? Map.of("image", image)
                : Map.of("image", image, "context", context.toString()));
        return dir;
    }

    private static void git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@t"));
        command.addAll(List.of(args));
        TestSandbox.ProcessResult result = TestSandbox.run(command, Map.of(), Duration.ofSeconds(30));
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void build_inGitWorkshop_tagsLatestAndShortSha_dirtyAfterEdit_andImageRuns() throws IOException {
        Path workshop = workshop(null);
        git(workshop, "init", "-q");
        git(workshop, "add", "mysfits.json");
        git(workshop, "commit", "-q", "-m", "workshop");
        String sha = TestSandbox.run(List.of("git", "-C", workshop.toString(), "rev-parse", "--short", "HEAD"), Map.of(),
                Duration.ofSeconds(10)).out().strip();

        CommandHarness.Result result = TestSandbox.harness(workshop).run("build", "monolith");

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(List.of(image + ":latest", image + ":" + sha), lines.subList(1, 3));
        String inspected = docker("image", "inspect", "--format", "{{.Id}} {{json .RepoTags}} {{json .Config.Labels}}", image + ":" + sha);
        assertTrue(inspected.startsWith(lines.get(0) + " "), inspected);
        assertTrue(inspected.contains("\"" + image + ":latest\""), inspected);
        assertTrue(inspected.contains("\"mysfits.workshop\":\"" + workshopName + "\""), inspected);
        assertTrue(inspected.contains("\"mysfits.service\":\"monolith\""), inspected);
        String listed = docker("run", "--rm", "--entrypoint", "ls", image + ":latest", "/app");
        assertEquals(List.of("app.py", "mysfits.json"), listed.lines().toList(), "the .dockerignore kept tests/ and the Dockerfile out");

        Files.writeString(workshop.resolve("mysfits.json"), Files.readString(workshop.resolve("mysfits.json")) + "\n");
        CommandHarness.Result dirty = TestSandbox.harness(workshop).run("build", "monolith", "--output", "json");
        assertEquals(0, dirty.exitCode(), dirty.err());
        JsonNode json = JSON.readTree(dirty.out());
        assertEquals(image + ":" + sha + "-dirty", json.get("tags").get(1).asText());
        docker("image", "inspect", image + ":" + sha + "-dirty");
    }

    @Test
    void rebuild_afterAppSourceChange_reusesDependencyLayerFromCache() throws IOException {
        Path context = LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/monolith-service"));
        Path workshop = workshop(context);
        CommandHarness.Result first = TestSandbox.harness(workshop).run("build", "monolith", "--tag", "first");
        assertEquals(0, first.exitCode(), first.err());

        Files.writeString(context.resolve("app.py"), Files.readString(context.resolve("app.py")) + "\n# touched by the test\n");
        CommandHarness.Result second = TestSandbox.harness(workshop).run("build", "monolith", "--tag", "second", "--output", "json");

        assertEquals(0, second.exitCode(), second.err());
        String err = second.err();
        int aptStep = err.indexOf("RUN apt-get update");
        assertTrue(aptStep > 0, err);
        String afterApt = err.substring(aptStep);
        assertTrue(afterApt.lines().skip(1).findFirst().orElse("").contains("Using cache"), "apt-get step cached: " + err);
        int appStep = err.indexOf("COPY app.py");
        assertFalse(err.substring(appStep).lines().skip(1).findFirst().orElse("").contains("Using cache"),
                "the edited app.py was copied again: " + err);
        JsonNode json = JSON.readTree(second.out());
        assertEquals("monolith", json.get("service").asText());
        assertTrue(json.get("cachedSteps").asInt() >= 4, second.out());
        assertTrue(json.get("cachedSteps").asInt() < json.get("totalSteps").asInt(), second.out());
        assertTrue(json.get("seconds").asDouble() < 20, "a cached rebuild is quick: " + second.out());
        assertTrue(json.get("imageId").asText().startsWith("sha256:"), second.out());
        assertFalse(json.get("imageId").asText().equals(docker("image", "inspect", "--format", "{{.Id}}", image + ":first")));
    }

    @Test
    void dockerignore_isHonoured_evenWhenItListsTheDockerfile() throws IOException {
        Path context = Files.createTempDirectory("mysfits-ignore");
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\nCOPY . /ctx/\n"
                + "RUN test -e /ctx/kept.txt && test ! -e /ctx/secret.txt && test ! -e /ctx/cache/x.pyc && test ! -e /ctx/Dockerfile\n");
        Files.writeString(context.resolve(".dockerignore"), "Dockerfile\nsecret.txt\ncache/\n");
        Files.writeString(context.resolve("kept.txt"), "kept\n");
        Files.writeString(context.resolve("secret.txt"), "secret\n");
        Files.createDirectories(context.resolve("cache"));
        Files.writeString(context.resolve("cache/x.pyc"), "x\n");
        Path workshop = workshop(context);

        CommandHarness.Result result = TestSandbox.harness(workshop).run("build", "monolith", "--tag", "ignore", "--no-cache");

        assertEquals(0, result.exitCode(), result.err());
        String listed = docker("run", "--rm", "--entrypoint", "ls", image + ":ignore", "-A", "/ctx");
        assertEquals(List.of(".dockerignore", "kept.txt"), listed.lines().toList());
    }

    @Test
    void failingDockerfile_exits1_namingTheStep_withItsOutput_andLeavesNoContainer() throws IOException {
        Path context = Files.createTempDirectory("mysfits-fail");
        String marker = LocalImages.unique("failed-step");
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\nRUN echo first line of output && echo about to fail && false\nCMD [\"true\"]\n");
        Path workshop = workshop(context);

        CommandHarness.Result result = TestSandbox.harness(workshop).run("build", "monolith", "--tag", "broken");

        assertEquals(1, result.exitCode(), result.err());
        String error = result.err().lines().filter(l -> l.startsWith("Error:")).findFirst().orElseThrow();
        assertTrue(error.contains("at step 2/") && error.contains("(RUN echo first line of output"), error);
        assertTrue(error.contains("non-zero code: 1"), error);
        assertTrue(result.err().contains("| about to fail"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
        assertEquals("", result.out());

        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\nRUN echo " + marker + " && exit 3\n");
        assertEquals(1, TestSandbox.harness(workshop).run("build", "monolith", "--tag", "broken").exitCode());
        assertFalse(LocalImages.docker("ps", "-a", "--no-trunc", "--format", "{{.Command}}").contains(marker),
                "the docker CLI lists no container of the failed step");
    }

    @Test
    void dockerfileSyntaxError_exits1_withTheDaemonsReason() throws IOException {
        Path context = Files.createTempDirectory("mysfits-syntax");
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\nFROBNICATE now\n");
        CommandHarness.Result result = TestSandbox.harness(workshop(context)).run("build", "monolith", "--tag", "syntax");
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().toLowerCase().contains("frobnicate"), result.err());
    }

    @Test
    void badInput_unknownService_missingDockerfile_areUsageErrors() throws IOException {
        Path workshop = workshop(Files.createTempDirectory("mysfits-empty"));
        CommandHarness.Result unknown = TestSandbox.harness(workshop).run("build", "nope");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("unknown service 'nope'"), unknown.err());
        CommandHarness.Result missing = TestSandbox.harness(workshop).run("build", "monolith");
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("Dockerfile") && missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void daemonUnreachable_exits3_oneLine_noStackTrace() {
        CommandHarness.Result result = TestSandbox.harness(workshop(null)).env("DOCKER_HOST", "tcp://127.0.0.1:1")
                .run("build", "monolith", "--tag", "never");
        assertEquals(3, result.exitCode(), result.err());
        List<String> errors = result.err().lines().filter(l -> l.startsWith("Error:")).toList();
        assertEquals(1, errors.size(), result.err());
        assertTrue(errors.get(0).contains("Docker daemon is not reachable at tcp://127.0.0.1:1"), result.err());
        assertTrue(result.err().contains("Hint: start Docker (scripts/sandbox up) or fix DOCKER_HOST"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }
}
