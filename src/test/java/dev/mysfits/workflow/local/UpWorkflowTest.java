package dev.mysfits.workflow.local;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.docker.ContainerSpec;
import dev.mysfits.fakes.FakeContainerRunner;
import dev.mysfits.fakes.FakeImagePuller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpWorkflowTest {
    @TempDir
    Path dir;
    private final FakeContainerRunner runner = new FakeContainerRunner();
    private final Set<Integer> takenPorts = new HashSet<>();
    private final List<String> probed = new ArrayList<>();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false,
            false, OutputFormat.TEXT, () -> 0L);
    private long now;
    private final FakeImagePuller registry = new FakeImagePuller(runner);
    private final List<String> loginsAsked = new ArrayList<>();
    private final UpWorkflow workflow = new UpWorkflow(runner, registry, host -> {
        loginsAsked.add(host);
        return host.startsWith("123456789012.dkr.ecr.")
                ? java.util.Optional.of(new dev.mysfits.registry.RegistryCredentials("AWS", "token", "https://" + host))
                : java.util.Optional.empty();
    }, port -> !takenPorts.contains(port), url -> {
        probed.add(url.toString());
        return OptionalInt.of(200);
    }, new ConsoleEvents(console), d -> now += d.toNanos(), () -> now);
    private WorkshopConfig notes;

    @BeforeEach
    void threeTiers() throws IOException {
        notes = load("""
                "frontend": {"context": ".", "image": "notes", "command": ["app", "-mode=frontend"], "containerPort": 8080,
                             "localPort": 8080, "healthPath": "/healthz", "dependsOn": ["backend"], "memory": "128MB"},
                "backend": {"context": ".", "image": "notes", "command": ["app", "-mode=backend"], "containerPort": 8081,
                            "localPort": 8081, "healthPath": "/healthz", "dependsOn": ["db"], "environment": {"DB_PASSWORD": "root"}},
                "db": {"context": "db", "image": "notes-db", "localPort": null, "containerPort": 3306,
                       "volumes": ["db-data:/var/lib/mysql"], "healthCommand": ["mysqladmin", "ping"]}
                """);
        runner.images.addAll(List.of("notes:latest", "notes-db:latest"));
    }

    private WorkshopConfig load(String services) throws IOException {
        Path file = dir.resolve("mysfits.json");
        Files.writeString(file, "{\"workshop\": \"notes\", \"services\": {" + services + "}}");
        return new WorkshopConfigLoader().load(file);
    }

    private UpResult up(WorkshopConfig config, String... services) {
        return workflow.execute(new UpRequest(config, List.of(services), Duration.ofSeconds(30)));
    }

    @Test
    void up_startsDependenciesFirst_onTheWorkshopNetwork_withTheLabsSettings() {
        UpResult result = up(notes, "frontend");

        assertEquals(List.of("db", "backend", "frontend"), result.services().stream().map(UpResult.Service::service).toList());
        assertEquals(Set.of("mysfits-notes"), runner.networks);
        assertEquals(Set.of("mysfits-notes-db-data"), runner.volumes);
        ContainerSpec db = runner.started.get(0);
        assertEquals("mysfits-notes-db", db.name());
        assertEquals(0, db.hostPort(), "the database is not published");
        assertEquals(List.of("db"), db.aliases());
        assertEquals(List.of(new ContainerSpec.Mount("mysfits-notes-db-data", null, "/var/lib/mysql", false)), db.mounts());
        assertEquals(List.of("mysqladmin", "ping"), db.container().healthCommand());
        ContainerSpec backend = runner.started.get(1);
        assertEquals(List.of("app", "-mode=backend"), backend.container().command());
        assertEquals("mysfits-notes", backend.network());
        assertEquals("root", backend.environment().get("DB_PASSWORD"));
        assertEquals(128L * 1024 * 1024, runner.started.get(2).container().memoryBytes());
        assertEquals(List.of("http://127.0.0.1:8081/healthz", "http://127.0.0.1:8080/healthz"), probed);
        assertNull(result.services().get(0).url());
        assertEquals("http://127.0.0.1:8080/healthz", result.services().get(2).url());
    }

    @Test
    void upAgain_leavesRunningServicesAlone_andReplacesOnlyWhatChanged() throws IOException {
        up(notes);
        runner.started.clear();
        takenPorts.addAll(List.of(8080, 8081)); // held by our own containers

        UpResult again = up(notes);
        assertEquals(List.of("unchanged", "unchanged", "unchanged"), again.services().stream().map(UpResult.Service::state).toList());
        assertTrue(runner.started.isEmpty());

        WorkshopConfig changed = load(Files.readString(dir.resolve("mysfits.json"))
                .replaceFirst("^\\{\"workshop\": \"notes\", \"services\": \\{", "").replaceFirst("}}$", "")
                .replace("\"memory\": \"128MB\"", "\"memory\": \"256MB\""));
        UpResult third = up(changed);
        assertEquals(List.of("unchanged", "unchanged", "replaced"), third.services().stream().map(UpResult.Service::state).toList());
        assertEquals(List.of("mysfits-notes-frontend"), runner.removed);
    }

    @Test
    void twoServicesOnOneHostPort_isRefusedBeforeAnythingStarts() throws IOException {
        WorkshopConfig clash = load("""
                "one": {"context": ".", "localPort": 9000},
                "two": {"context": ".", "localPort": 9001},
                "three": {"context": ".", "network": "host", "containerPort": 9000}
                """);
        runner.images.addAll(List.of("one:latest", "two:latest", "three:latest"));
        MysfitsException e = assertThrows(MysfitsException.class, () -> up(clash));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("services one and three both want host port 9000"), e.getMessage());
        assertNothingChanged();
    }

    @Test
    void aMissingBindSource_isRefusedBeforeAnythingStarts() throws IOException {
        WorkshopConfig bind = load("\"web\": {\"context\": \".\", \"volumes\": [\"./site:/srv:ro\"]}");
        runner.images.add("web:latest");
        MysfitsException e = assertThrows(MysfitsException.class, () -> up(bind));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("the bind mount source " + dir.resolve("site") + " of service web does not exist"), e.getMessage());
        assertNothingChanged();
    }

    @Test
    void anImageNotBuilt_orAPortInUse_changesNothing() {
        runner.images.remove("notes-db:latest");
        MysfitsException e = assertThrows(MysfitsException.class, () -> up(notes));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertTrue(e.getMessage().contains("no image built yet for db"), e.getMessage());
        assertNothingChanged();

        runner.images.add("notes-db:latest");
        takenPorts.add(8080);
        MysfitsException busy = assertThrows(MysfitsException.class, () -> up(notes));
        assertTrue(busy.getMessage().contains("host port 8080 for service frontend is already in use"), busy.getMessage());
        assertNothingChanged();
    }

    @Test
    void anUnhealthyDatabase_stopsTheSequence_beforeItsDependentsStart() {
        runner.healthAfterStart = "starting";
        MysfitsException e = assertThrows(MysfitsException.class, () -> up(notes, "frontend"));
        assertEquals(ExitCode.TIMEOUT, e.exitCode());
        assertTrue(e.getMessage().contains("container mysfits-notes-db was not healthy within 30s: its health check is starting"), e.getMessage());
        assertEquals(1, runner.started.size(), "backend and frontend never started");
    }

    @Test
    void down_stopsDependentsFirst_keepsTheVolume_andRemovesTheNetwork() {
        up(notes);
        runner.removed.clear();
        DownResult result = new DownWorkflow(runner, new ConsoleEvents(console)).execute(new DownRequest(notes, List.of()));
        assertEquals(List.of("mysfits-notes-frontend", "mysfits-notes-backend", "mysfits-notes-db"), runner.removed);
        assertTrue(result.networkRemoved());
        assertEquals(List.of("mysfits-notes-db-data"), result.keptVolumes());
        assertEquals(Set.of("mysfits-notes-db-data"), runner.volumes);

        up(notes);
        runner.removed.clear();
        DownResult onlyDb = new DownWorkflow(runner, new ConsoleEvents(console)).execute(new DownRequest(notes, List.of("db")));
        assertEquals(List.of("mysfits-notes-db"), runner.removed, "down db stops db only");
        assertFalse(onlyDb.networkRemoved());
    }

    private void assertNothingChanged() {
        assertTrue(runner.started.isEmpty(), "nothing started");
        assertTrue(runner.networks.isEmpty(), "no network");
        assertTrue(runner.volumes.isEmpty(), "no volume");
    }

    private static final String ECR_MYSQL = "123456789012.dkr.ecr.us-east-1.amazonaws.com/notes/mysql:8";

    private WorkshopConfig pulledDatabase() throws IOException {
        return load("""
                "db": {"image": "%s", "localPort": null, "containerPort": 3306, "healthCommand": ["mysqladmin", "ping"]},
                "web": {"image": "nginx", "containerPort": 80, "localPort": 8088, "dependsOn": ["db"]}
                """.formatted(ECR_MYSQL));
    }

    @Test
    void anImageAlreadyLocal_isNotPulled_evenWithoutABuildContext() throws IOException {
        runner.images.addAll(List.of(ECR_MYSQL, "nginx:latest"));

        up(pulledDatabase());

        assertTrue(registry.pulls.isEmpty(), registry.pulls.toString());
        assertTrue(loginsAsked.isEmpty(), "no login asked for when nothing is pulled");
        assertEquals(List.of(ECR_MYSQL, "nginx:latest"), runner.started.stream().map(ContainerSpec::image).toList());
    }

    @Test
    void aMissingImageWithoutBuildContext_isPulled_withEcrsLoginForEcr_andLayerProgress_beforeAnythingStarts() throws IOException {
        registry.serves(ECR_MYSQL, "a1", "b2").serves("nginx:latest", "c3");

        up(pulledDatabase());

        assertEquals(List.of(ECR_MYSQL, "nginx:latest"), registry.pulls);
        assertEquals("AWS", registry.logins.get(0).username(), "ECR's token for the account's registry");
        assertNull(registry.logins.get(1), "Docker Hub's public images need no login");
        assertEquals(List.of("123456789012.dkr.ecr.us-east-1.amazonaws.com"), loginsAsked);
        assertTrue(err.toString().contains("a1: Pull complete"), err.toString());
        assertTrue(err.toString().contains("Pulling " + ECR_MYSQL + " for db"), err.toString());
        assertEquals(2, runner.started.size());
    }

    @Test
    void aMissingImageTheRegistryRefuses_isOneErrorWithAHint_andNothingStarts() throws IOException {
        registry.serves("nginx:latest", "c3");
        MysfitsException notFound = assertThrows(MysfitsException.class, () -> up(pulledDatabase()));
        assertEquals(ExitCode.PRECONDITION, notFound.exitCode());
        assertTrue(notFound.getMessage().startsWith("cannot pull " + ECR_MYSQL + " for db: 123456789012.dkr.ecr.us-east-1.amazonaws.com has no such image"),
                notFound.getMessage());
        assertTrue(notFound.hint().contains("push it first"), notFound.hint());
        assertTrue(runner.started.isEmpty());

        registry.serves(ECR_MYSQL, "a1");
        registry.refused.put("nginx:latest", dev.mysfits.docker.ImagePuller.Refusal.UNAUTHORIZED);
        MysfitsException unauthorized = assertThrows(MysfitsException.class, () -> up(pulledDatabase()));
        assertEquals(ExitCode.PRECONDITION, unauthorized.exitCode());
        assertTrue(unauthorized.getMessage().contains("Docker Hub refused the login"), unauthorized.getMessage());
        assertTrue(unauthorized.hint().startsWith("log in to it first"), unauthorized.hint());
        assertTrue(runner.started.isEmpty(), "refused before anything started");

        registry.refused.put("nginx:latest", dev.mysfits.docker.ImagePuller.Refusal.UNREACHABLE);
        MysfitsException unreachable = assertThrows(MysfitsException.class, () -> up(pulledDatabase()));
        assertEquals(ExitCode.FAILED, unreachable.exitCode());
        assertTrue(unreachable.getMessage().contains("the Docker engine cannot reach Docker Hub"), unreachable.getMessage());
        assertTrue(unreachable.hint().contains("push the image to a registry it reaches"), unreachable.hint());
    }

    @Test
    void aMissingImageWithABuildContext_isStillToBuild_notPulled() {
        runner.images.remove("notes-db:latest");
        MysfitsException e = assertThrows(MysfitsException.class, () -> up(notes));
        assertEquals("no image built yet for db", e.getMessage());
        assertTrue(registry.pulls.isEmpty());
    }
}
