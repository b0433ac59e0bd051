package dev.mysfits.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mysfits.cli.CommandHarness;
import dev.mysfits.core.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The containers lab (003) as mysfits commands, on a copy of samples/notes-app: build the database and the one Go
 * binary, `up` db, backend and frontend (linked by name on the workshop's network, with a volume and memory
 * limits), add a note through the frontend's HTTP, stop and restart the database, and find the note still there.
 * Checked with the docker CLI and plain HTTP.
 */
class LabNotesIT {
    private static final String WORKSHOP = LocalImages.unique("notes-it");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path lab;
    private static CommandHarness cli;
    private static int frontendPort;
    private static int backendPort;

    @BeforeAll
    static void buildTheLab() {
        lab = LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/notes-app"));
        frontendPort = LocalImages.freePort();
        backendPort = LocalImages.freePort();
        rename(WORKSHOP);
        LocalImages.setService(lab, "db", Map.of("image", WORKSHOP + "-db"));
        LocalImages.setService(lab, "backend", Map.of("image", WORKSHOP + "-app", "localPort", backendPort));
        LocalImages.setService(lab, "frontend", Map.of("image", WORKSHOP + "-app", "localPort", frontendPort));
        cli = TestSandbox.harness(lab);
        // The Go tests run in the image's build stage: this build fails if they do.
        cli.run("build", "db").ok();
        cli.run("build", "backend", "--tag", "1.0.0").ok();
        cli.run("build", "frontend").ok();
    }

    @AfterAll
    static void removeEverything() {
        cli.run("down");
        cli.run("cleanup", "--local", "--volumes", "--yes");
        LocalImages.removeEverythingOf(WORKSHOP);
    }

    @Test
    void lab003_upAddANoteRestartTheDatabase_theNoteSurvives() throws Exception {
        CommandHarness.Result up = cli.run("up").ok();
        assertTrue(up.err().indexOf("db is healthy") < up.err().indexOf("backend: started"), "db is healthy before backend starts");
        String frontend = "http://127.0.0.1:" + frontendPort;
        assertTrue(up.out().contains(frontend + "/healthz"), up.out());
        assertEquals(List.of("mysfits-" + WORKSHOP + "-db", "mysfits-" + WORKSHOP + "-backend", "mysfits-" + WORKSHOP + "-frontend")
                        .stream().sorted().toList(),
                LocalImages.docker("ps", "--filter", "label=mysfits.workshop=" + WORKSHOP, "--format", "{{.Names}}").lines().sorted().toList());
        // The lab's `-m 128MB`, and --link db as a name on a user-defined network.
        assertEquals("134217728", LocalImages.docker("inspect", "--format", "{{.HostConfig.Memory}}", "mysfits-" + WORKSHOP + "-frontend"));
        assertTrue(LocalImages.docker("inspect", "--format", "{{json .NetworkSettings.Networks}}", "mysfits-" + WORKSHOP + "-db")
                .contains("\"db\""), "the database answers to the name db");
        assertEquals("", LocalImages.docker("port", "mysfits-" + WORKSHOP + "-db"), "the database is not published");

        String note = "note-" + WORKSHOP;
        assertEquals(303, postForm(frontend + "/notes", "text=" + note));
        assertTrue(TestSandbox.httpGet(frontend + "/").getValue().contains(note));

        cli.run("stop", "db").ok();
        assertEquals(503, TestSandbox.httpGet(frontend + "/healthz").getKey(), "no database, no healthy frontend");
        CommandHarness.Result again = cli.run("up", "db").ok();
        assertTrue(again.err().contains("kept volume mysfits-" + WORKSHOP + "-db-data and its data"), again.err());

        var page = TestSandbox.httpGet(frontend + "/");
        assertEquals(200, page.getKey());
        assertTrue(page.getValue().contains(note), "the note survived the database's restart: " + page.getValue());

        CommandHarness.Result third = cli.run("up", "--output", "json").ok();
        List<String> states = new java.util.ArrayList<>();
        JSON.readTree(third.out()).forEach(service -> states.add(service.get("state").asText()));
        assertEquals(List.of("unchanged", "unchanged", "unchanged"), states, third.out());

        cli.run("down").ok();
        assertEquals("", LocalImages.docker("ps", "-a", "--filter", "label=mysfits.workshop=" + WORKSHOP, "--format", "{{.Names}}"));
        assertEquals("mysfits-" + WORKSHOP + "-db-data",
                LocalImages.docker("volume", "ls", "--filter", "label=mysfits.workshop=" + WORKSHOP, "--format", "{{.Name}}"),
                "down keeps the data");

        cli.run("up").ok();
        assertTrue(TestSandbox.httpGet(frontend + "/").getValue().contains(note), "and up brings it back");
        cli.run("down").ok();

        CommandHarness.Result noAnswer = cli.run("cleanup", "--local", "--volumes");
        assertEquals(ExitCode.USAGE.code(), noAnswer.exitCode(), "no terminal to ask on, no --yes: nothing removed");
        cli.run("cleanup", "--local", "--volumes", "--yes").ok();
        assertEquals("", LocalImages.docker("volume", "ls", "--filter", "label=mysfits.workshop=" + WORKSHOP, "--format", "{{.Name}}"));
        assertEquals("", LocalImages.docker("network", "ls", "--filter", "label=mysfits.workshop=" + WORKSHOP, "--format", "{{.Name}}"));
    }

    @Test
    void badLocalInput_oneLineError_exitCode_andNothingCreated() throws IOException {
        Path bad = LocalImages.copyOf(lab);
        String before = dockerObjects();
        record Case(String expected, java.util.function.Consumer<ObjectNode> edit) {
        }
        List<Case> cases = List.of(
                new Case("dependsOn goes round in a circle: db -> frontend -> backend -> db",
                        s -> service(s, "db").putArray("dependsOn").add("frontend")),
                new Case("'128XB' is not a memory size", s -> service(s, "db").put("memory", "128XB")),
                new Case("ECR repository names must be lowercase", s -> service(s, "db").put("repository", "Notes/DB")),
                new Case("Notes-DB", s -> s.set("Notes-DB", service(s, "db").deepCopy())),
                new Case("the bind mount source", s -> service(s, "db").putArray("volumes").add("./no-such-dir:/var/lib/mysql")),
                new Case("both want host port " + frontendPort, s -> service(s, "backend").put("localPort", frontendPort)));
        String original = Files.readString(lab.resolve("mysfits.json"));
        for (Case c : cases) {
            ObjectNode config = (ObjectNode) JSON.readTree(original);
            c.edit().accept((ObjectNode) config.get("services"));
            Files.writeString(bad.resolve("mysfits.json"), JSON.writeValueAsString(config));
            CommandHarness.Result result = TestSandbox.harness(bad).run("up");
            assertEquals(ExitCode.USAGE.code(), result.exitCode(), c.expected() + ": " + result.err());
            List<String> lines = result.err().lines().filter(l -> !l.isBlank()).toList();
            assertTrue(lines.get(0).startsWith("Error: ") && lines.get(0).contains(c.expected()), result.err());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Hint: ")), result.err());
            assertFalse(result.err().contains("\tat "), "no stack trace");
        }
        assertEquals(before, dockerObjects(), "nothing created or changed");
    }

    private static ObjectNode service(ObjectNode services, String name) {
        return (ObjectNode) services.get(name);
    }

    /**
     * This workshop's containers, volumes and networks: everything up makes is named mysfits-WORKSHOP... (or labelled
     * with it). Other test classes build and run containers on the same engine meanwhile.
     */
    private static String dockerObjects() {
        String named = "name=mysfits-" + WORKSHOP;
        String labelled = "label=mysfits.workshop=" + WORKSHOP;
        return LocalImages.docker("ps", "-a", "--filter", named, "--format", "{{.Names}} {{.State}}") + "\n"
                + LocalImages.docker("ps", "-a", "--filter", labelled, "--format", "{{.Names}} {{.State}}") + "\n"
                + LocalImages.docker("volume", "ls", "-q", "--filter", named) + "\n"
                + LocalImages.docker("volume", "ls", "-q", "--filter", labelled) + "\n"
                + LocalImages.docker("network", "ls", "--filter", named, "--format", "{{.Name}}") + "\n"
                + LocalImages.docker("network", "ls", "--filter", labelled, "--format", "{{.Name}}");
    }

    private static void rename(String workshop) {
        try {
            Path file = lab.resolve("mysfits.json");
            Files.writeString(file, Files.readString(file).replace("\"workshop\": \"notes\"", "\"workshop\": \"" + workshop + "\""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int postForm(String url, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
