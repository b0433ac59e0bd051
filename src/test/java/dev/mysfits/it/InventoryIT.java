package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.mysfits.it.CleanupFixture.removeLocalImages;
import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.CleanupFixture.workshopWithOwnNames;
import static dev.mysfits.it.LocalImages.docker;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `ps` and `images` against what the docker CLI and the AWS CLI list: the lab's `docker ps`, `docker images` and
 * `aws ecr describe-images`, with a build, a run, a push by mysfits, pushes by hand with `docker push`, and a rebuild.
 */
class InventoryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void psAndImages_showWhatDockerAndEcrList_sideBySide_throughBuildRunPushAndHandPush() throws IOException {
        TestSandbox.requireDocker();
        String ws = "inv" + suffix();
        String repository = ws + "/monolith";
        String image = ws + "-monolith";
        String remote = TestSandbox.REGISTRY_HOST + "/" + repository;
        Path dir = workshopWithOwnNames(ws);
        CommandHarness cli = TestSandbox.harness(dir);
        Path dockerConfig = Files.createTempDirectory(TestSandbox.target(), "inventory-docker-");
        Map<String, String> env = new HashMap<>(TestSandbox.awsEnvironment());
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("AWS_PAGER", "");
        try {
            // Nothing yet: no error, nothing on stdout (or an empty list), and ECR's missing repository is no error.
            CommandHarness.Result none = cli.run("ps");
            none.ok();
            assertEquals("", none.out());
            assertTrue(none.err().contains("no local containers of workshop " + ws), none.err());
            assertEquals(0, json(cli.run("ps", "--output", "json")).size());
            JsonNode nothing = json(cli.run("images", "--output", "json"));
            assertEquals(List.of("monolith", "like"), List.of(nothing.get(0).path("service").asText(), nothing.get(1).path("service").asText()));
            for (JsonNode service : nothing) {
                assertFalse(service.path("repositoryExists").asBoolean(), service.toString());
                assertEquals(0, service.path("tags").size(), service.toString());
            }

            CleanupFixture.build(ws, image + ":latest");
            CleanupFixture.build(ws, ws + "-like:latest");
            int port = LocalImages.freePort();
            int likePort = LocalImages.freePort();
            LocalImages.setService(dir, "like", Map.of("localPort", likePort));
            cli.run("run", "monolith", "--port", String.valueOf(port)).ok();
            cli.run("up", "like").ok();

            // ps against docker ps -a for the workshop's label: one row each, the same id, name, image, state, ports.
            JsonNode ps = json(cli.run("ps", "--output", "json"));
            List<String> dockerPs = docker("ps", "-a", "--no-trunc", "--filter", "label=mysfits.workshop=" + ws,
                    "--format", "{{.Names}}|{{.ID}}|{{.Image}}|{{.State}}|{{.Ports}}").lines().sorted().toList();
            assertEquals(List.of("like", "monolith"), List.of(ps.get(0).path("service").asText(), ps.get(1).path("service").asText()));
            assertEquals(2, dockerPs.size(), dockerPs.toString());
            Map<String, Integer> ports = Map.of("monolith", port, "like", likePort);
            for (JsonNode row : ps) {
                String[] d = dockerPs.stream().filter(l -> l.startsWith(row.path("container").asText() + "|")).findFirst()
                        .orElseThrow(() -> new AssertionError(row + " not in " + dockerPs)).split("\\|", -1);
                assertEquals("mysfits-" + ws + "-" + row.path("service").asText(), d[0]);
                assertEquals(d[1], row.path("id").asText());
                assertEquals(d[2], row.path("image").asText());
                assertEquals(d[3], row.path("state").asText());
                assertTrue(row.path("ports").size() >= 1, row.toString());
                row.path("ports").forEach(p -> assertTrue(d[4].contains(p.asText()), d[4] + " lists " + p));
                int hostPort = ports.get(row.path("service").asText());
                assertTrue(d[4].contains(":" + hostPort + "->80/tcp"), d[4]);
                assertEquals("http://127.0.0.1:" + hostPort + "/", row.path("url").asText());
                assertEquals("200", curl(env, row.path("url").asText()));
            }
            CommandHarness.Result psText = cli.run("ps");
            psText.ok();
            assertTrue(psText.out().lines().anyMatch(l -> l.startsWith("monolith ") && l.contains("mysfits-" + ws + "-monolith")
                    && l.contains(":" + port + "->80/tcp") && l.contains("http://127.0.0.1:" + port + "/")), psText.out());

            // Built, not pushed: the repository does not exist yet.
            JsonNode beforePush = service(json(cli.run("images", "monolith", "--output", "json")), "monolith");
            assertFalse(beforePush.path("repositoryExists").asBoolean());
            assertEquals(Map.of("latest", "not_pushed"), states(beforePush));
            assertEquals(dockerId(image + ":latest"), tag(beforePush, "latest").path("local").path("imageId").asText());

            cli.run("push", "monolith").ok();
            docker("tag", image + ":latest", image + ":v1");
            // By hand, as labs 000 and 002 do: log in with the AWS CLI, tag, docker push. "hand" stays local; "gone" does not.
            TestSandbox.ProcessResult login = TestSandbox.run(List.of("bash", "-o", "pipefail", "-c",
                    "aws ecr get-login-password | docker login --username AWS --password-stdin " + TestSandbox.REGISTRY_HOST),
                    env, Duration.ofMinutes(1));
            assertEquals(0, login.exitCode(), login.err());
            for (String tag : List.of("hand", "gone")) {
                assertEquals(0, command(env, "docker", "tag", image + ":latest", remote + ":" + tag).exitCode());
                TestSandbox.ProcessResult push = command(env, "docker", "push", remote + ":" + tag);
                assertEquals(0, push.exitCode(), push.err());
            }
            docker("rmi", remote + ":gone");
            // A rebuild after the push: latest is no longer what ECR holds.
            Path context = Files.createTempDirectory("inventory-rebuild");
            Files.writeString(context.resolve("Dockerfile"), "FROM " + image + ":latest\nRUN echo rebuilt > /rebuilt\n");
            docker("build", "-q", "-t", image + ":latest", context.toString());

            JsonNode after = service(json(cli.run("images", "monolith", "--output", "json")), "monolith");
            assertTrue(after.path("repositoryExists").asBoolean());
            assertEquals(remote, after.path("repositoryUri").asText());
            assertEquals(Map.of("latest", "differs", "v1", "not_pushed", "hand", "pushed", "gone", "only_in_ecr"), states(after));

            // ECR's side matches aws ecr describe-images, tag by tag.
            JsonNode details = aws("ecr", "describe-images", "--repository-name", repository).path("imageDetails");
            int ecrTags = 0;
            for (JsonNode detail : details) {
                for (JsonNode t : detail.path("imageTags")) {
                    JsonNode ecr = tag(after, t.asText()).path("ecr");
                    assertEquals(detail.path("imageDigest").asText(), ecr.path("digest").asText(), t.asText());
                    assertEquals(detail.path("imageSizeInBytes").asLong(), ecr.path("size").asLong(), t.asText());
                    assertEquals(epochSeconds(detail.path("imagePushedAt")), epochSeconds(ecr.path("pushedAt")), t.asText());
                    ecrTags++;
                }
            }
            assertEquals(3, ecrTags, details.toString());
            // The local side matches docker images: the build's name first, the ECR-host copy where the build's name lacks the tag.
            assertEquals(dockerId(image + ":latest"), tag(after, "latest").path("local").path("imageId").asText());
            assertEquals(dockerId(image + ":v1"), tag(after, "v1").path("local").path("imageId").asText());
            assertEquals(dockerId(remote + ":hand"), tag(after, "hand").path("local").path("imageId").asText());
            assertTrue(tag(after, "gone").path("local").isNull());
            Map<String, String> dockerTags = new TreeMap<>();
            docker("images", "--format", "{{.Repository}}:{{.Tag}}").lines()
                    .filter(r -> r.startsWith(image + ":") || r.startsWith(remote + ":"))
                    .forEach(r -> dockerTags.put(r.substring(r.lastIndexOf(':') + 1), r));
            Map<String, String> shownLocally = new TreeMap<>();
            after.path("tags").forEach(t -> {
                if (!t.path("local").isNull()) {
                    shownLocally.put(t.path("tag").asText(), t.path("local").path("references").get(0).asText());
                }
            });
            assertEquals(dockerTags.keySet(), shownLocally.keySet());

            // The table a person reads, and the next step on stderr.
            CommandHarness.Result text = cli.run("images", "monolith");
            text.ok();
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith("monolith  latest") && l.endsWith("differs")), text.out());
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith("monolith  v1") && l.endsWith("not pushed")), text.out());
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith("monolith  hand") && l.endsWith("pushed")
                    && l.contains(tag(after, "hand").path("ecr").path("digest").asText().substring(0, 19))), text.out());
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith("monolith  gone") && l.endsWith("only in ECR")), text.out());
            assertTrue(text.err().contains("mysfits push monolith"), text.err());

            // Wrong input: one line, a hint, the usage exit code.
            CommandHarness.Result unknown = cli.run("images", "nope");
            assertEquals(2, unknown.exitCode(), unknown.err());
            assertTrue(unknown.err().startsWith("Error: unknown service 'nope'"), unknown.err());
            assertTrue(unknown.err().contains("\nHint: "), unknown.err());
            CommandHarness.Result badOutput = cli.run("ps", "--output", "yaml");
            assertEquals(2, badOutput.exitCode(), badOutput.err());
            assertTrue(badOutput.err().startsWith("Error: ") && badOutput.err().contains("yaml"), badOutput.err());

            cli.run("stop", "monolith").ok();
            cli.run("down").ok();
            assertEquals(0, json(cli.run("ps", "--output", "json")).size());
            assertEquals("", docker("ps", "-aq", "--filter", "label=mysfits.workshop=" + ws));
        } finally {
            cli.run("stop", "monolith");
            cli.run("down");
            TestSandbox.run(List.of("aws", "ecr", "delete-repository", "--repository-name", repository, "--force"), env,
                    Duration.ofMinutes(1));
            for (String tag : List.of("hand", "gone", "latest")) {
                command(env, "docker", "rmi", "-f", remote + ":" + tag);
            }
            removeLocalImages(ws);
            LocalImages.removeEverythingOf(ws);
        }
    }

    private static JsonNode json(CommandHarness.Result result) throws IOException {
        result.ok();
        return JSON.readTree(result.out());
    }

    private static JsonNode service(JsonNode services, String name) {
        for (JsonNode service : services) {
            if (service.path("service").asText().equals(name)) {
                return service;
            }
        }
        throw new AssertionError("no service " + name + " in " + services);
    }

    private static JsonNode tag(JsonNode service, String tag) {
        for (JsonNode t : service.path("tags")) {
            if (t.path("tag").asText().equals(tag)) {
                return t;
            }
        }
        throw new AssertionError("no tag " + tag + " in " + service);
    }

    private static Map<String, String> states(JsonNode service) {
        Map<String, String> states = new LinkedHashMap<>();
        service.path("tags").forEach(t -> states.put(t.path("tag").asText(), t.path("state").asText()));
        return states;
    }

    private static String dockerId(String reference) {
        return docker("image", "inspect", "--format", "{{.Id}}", reference);
    }

    /** The AWS CLI prints a timestamp as epoch seconds or ISO 8601 (by its version); mysfits as ISO 8601 or epoch seconds. */
    private static long epochSeconds(JsonNode time) {
        if (time.isNumber()) {
            return (long) time.asDouble();
        }
        return java.time.OffsetDateTime.parse(time.asText()).toInstant().getEpochSecond();
    }

    private static String curl(Map<String, String> env, String url) {
        return command(env, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", url).out();
    }

    private static TestSandbox.ProcessResult command(Map<String, String> env, String... args) {
        return TestSandbox.run(List.of(args), env, Duration.ofMinutes(3));
    }
}
