package dev.mysfits.it;

import dev.mysfits.cli.CommandHarness;
import dev.mysfits.core.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `up` with an image nobody builds here, as the 003 lab runs mysql and nginx: nothing can be pulled from Docker Hub
 * on these machines, so the image is pushed to the sandbox's ECR stand-in with the docker CLI first, removed from the
 * engine, and `up` must pull it (with ECR's login, as `push` gets it) and run it. The docker CLI checks the result.
 */
class UpPullIT {
    private static final String WORKSHOP = LocalImages.unique("pull-it");
    private static final String REPOSITORY = WORKSHOP + "/cache";
    private static final String REMOTE = TestSandbox.REGISTRY_HOST + "/" + REPOSITORY + ":1";

    @AfterAll
    static void removeEverything() {
        LocalImages.removeEverythingOf(WORKSHOP);
        TestSandbox.run(List.of("docker", "rmi", "-f", REMOTE, WORKSHOP + "-cache:built"), Map.of(), Duration.ofSeconds(30));
        TestSandbox.aws("ecr", "delete-repository", "--repository-name", REPOSITORY, "--force");
    }

    /** An image with a layer of its own, so that a pull has something to download, pushed with the docker CLI. */
    @BeforeAll
    static void pushAnImageToEcr() throws Exception {
        Path context = Files.createDirectories(Files.createTempDirectory(TestSandbox.target(), "up-pull-").resolve("image"));
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\nRUN echo " + WORKSHOP + " > /pulled\n");
        Path dockerConfig = Files.createTempDirectory(TestSandbox.target(), "up-pull-docker-");
        Map<String, String> env = new HashMap<>(TestSandbox.awsEnvironment());
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("DOCKER_BUILDKIT", "0");
        env.put("AWS_PAGER", "");
        TestSandbox.aws("ecr", "create-repository", "--repository-name", REPOSITORY);
        sh(env, "docker build -q -t " + WORKSHOP + "-cache:built " + context);
        sh(env, "aws ecr get-login-password | docker login --username AWS --password-stdin " + TestSandbox.REGISTRY_HOST);
        sh(env, "docker tag " + WORKSHOP + "-cache:built " + REMOTE + " && docker push " + REMOTE);
        sh(env, "docker rmi " + WORKSHOP + "-cache:built");
    }

    /** Each test starts with the image only in ECR. */
    @BeforeEach
    void notLocal() {
        TestSandbox.run(List.of("docker", "rmi", "-f", REMOTE), Map.of(), Duration.ofSeconds(30));
        assertFalse(LocalImages.docker("images", "--format", "{{.Repository}}:{{.Tag}}").contains(REMOTE), "not local before the test");
    }

    @Test
    void up_pullsAMissingImageWithoutBuildContext_fromEcr_andRunsIt_andAnImageTheRegistryLacksIsOneError() throws Exception {
        Path dir = Files.createTempDirectory(TestSandbox.target(), "up-pull-");
        Files.writeString(dir.resolve("mysfits.json"), """
                {"workshop": "%s", "services": {
                  "cache": {"image": "%s", "localPort": null, "containerPort": 80, "command": ["sleep", "600"],
                            "healthCommand": ["test", "-f", "/pulled"]},
                  "lost": {"image": "%s/%s/never-pushed:1", "localPort": null, "command": ["sleep", "600"],
                           "healthCommand": ["true"]}
                }}
                """.formatted(WORKSHOP, REMOTE, TestSandbox.REGISTRY_HOST, WORKSHOP));
        CommandHarness cli = TestSandbox.harness(dir);

        CommandHarness.Result up = cli.run("up", "cache");
        assertEquals(0, up.exitCode(), up.err());
        assertTrue(up.err().contains("Pulling " + REMOTE + " for cache"), up.err());
        assertTrue(up.err().contains(": Pull complete"), "layer progress, one final line per layer off a terminal: " + up.err());
        assertTrue(up.err().contains(": Already exists"), "the base layer was local already: " + up.err());
        assertTrue(LocalImages.docker("images", "--format", "{{.Repository}}:{{.Tag}}").lines().anyMatch(REMOTE::equals),
                "docker images lists the pulled image");
        String ps = LocalImages.docker("ps", "--filter", "name=mysfits-" + WORKSHOP + "-cache", "--format", "{{.Image}} {{.Status}}");
        assertTrue(ps.startsWith(REMOTE + " Up "), ps);

        CommandHarness.Result again = cli.run("up", "cache");
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(again.err().contains("Pulling"), "a local image is not pulled again: " + again.err());

        CommandHarness.Result lost = cli.run("up", "lost");
        assertEquals(ExitCode.PRECONDITION.code(), lost.exitCode(), lost.err());
        List<String> lines = lost.err().lines().toList();
        assertTrue(lines.get(lines.size() - 2).startsWith("Error: cannot pull " + TestSandbox.REGISTRY_HOST + "/" + WORKSHOP
                + "/never-pushed:1 for lost: " + TestSandbox.REGISTRY_HOST + " has no such image"), lost.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("Hint: "), lost.err());
        assertEquals("", LocalImages.docker("ps", "-a", "--filter", "name=mysfits-" + WORKSHOP + "-lost", "--format", "{{.Names}}"),
                "nothing started for it");

        assertEquals(0, cli.run("down").exitCode());

        // cleanup --local removes what the workshop builds; an image it only pulled may be the user's, and stays.
        cli.run("cleanup", "--local", "--yes").ok();
        assertTrue(LocalImages.docker("images", "--format", "{{.Repository}}:{{.Tag}}").lines().anyMatch(REMOTE::equals),
                "docker images still lists the pulled image after cleanup --local");
    }

    /** The 004 lab's `docker container run rxmllc/hello`, with an image from the account's registry instead. */
    @Test
    void runImage_pullsAMissingImageFromEcr_runsItOnceInTheForeground_andLeavesNoContainer() throws Exception {
        CommandHarness cli = TestSandbox.harness(Files.createTempDirectory(TestSandbox.target(), "run-image-"));

        CommandHarness.Result hello = cli.run("run-image", REMOTE, "cat", "/pulled");
        assertEquals(0, hello.exitCode(), hello.err());
        assertEquals(WORKSHOP + "\n", hello.out(), "the container's output on stdout, and nothing else");
        assertTrue(hello.err().contains("Pulling " + REMOTE + " (not on this engine)"), hello.err());
        assertTrue(hello.err().contains(": Pull complete"), hello.err());
        assertTrue(LocalImages.docker("images", "--format", "{{.Repository}}:{{.Tag}}").lines().anyMatch(REMOTE::equals),
                "docker images lists the pulled image");

        CommandHarness.Result failing = cli.run("run-image", REMOTE, "sh", "-c", "echo to stderr >&2; exit 3");
        assertEquals(ExitCode.FAILED.code(), failing.exitCode(), failing.err());
        assertFalse(failing.err().contains("Pulling"), "a local image is not pulled again: " + failing.err());
        assertTrue(failing.out().contains("to stderr"), failing.out());
        assertTrue(failing.err().contains("Error: " + REMOTE + " exited with code 3"), failing.err());

        assertEquals("", LocalImages.docker("ps", "-a", "--filter", "ancestor=" + REMOTE, "--format", "{{.Names}}"),
                "the docker CLI lists no container of that image once run-image returned");
    }

    private static void sh(Map<String, String> env, String script) {
        TestSandbox.ProcessResult result = TestSandbox.run(List.of("bash", "-o", "pipefail", "-c", script), env, Duration.ofMinutes(3));
        assertEquals(0, result.exitCode(), script + ": " + result.out() + result.err());
    }
}
