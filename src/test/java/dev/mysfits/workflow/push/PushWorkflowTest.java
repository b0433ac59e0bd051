package dev.mysfits.workflow.push;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeImageRegistry;
import dev.mysfits.fakes.FakeImagePusher;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushWorkflowTest {
    private static final String IMAGE_ID = "sha256:" + "11".repeat(32);
    private final FakeImageRegistry registry = new FakeImageRegistry();
    private final FakeImagePusher pusher = new FakeImagePusher();
    private final StringWriter err = new StringWriter();
    private Ledger ledger;
    private PushWorkflow workflow;

    @BeforeEach
    void setUp(@TempDir Path dir) {
        ledger = new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err), false, false,
                OutputFormat.TEXT, System::currentTimeMillis);
        workflow = new PushWorkflow(new ConsoleEvents(console), ledger, registry, pusher);
        pusher.layers.put("base", 80_000_000L);
        pusher.layers.put("deps", 40_000_000L);
        pusher.layers.put("app", 2_000L);
    }

    private static PushRequest request(boolean dryRun, String repository, String... tags) {
        return new PushRequest("ws", "monolith", "monolith-service", repository, List.of(tags), Duration.ofMinutes(1), dryRun);
    }

    @Test
    void uppercaseRepository_isUsageErrorBeforeAnyCall() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest");
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow.execute(request(false, "Mysfits/Monolith-Service")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("use 'mysfits/monolith-service'"), e.getMessage());
        assertEquals(List.of(), registry.calls);
        assertEquals(List.of(), pusher.calls);
    }

    @Test
    void imageNotBuilt_isPreconditionBeforeAnyAwsCall() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow.execute(request(false, "mysfits/monolith-service")));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("run mysfits build monolith first", e.hint());
        assertEquals(List.of(), registry.calls);
    }

    @Test
    void badTag_isUsageError() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow.execute(request(false, "mysfits/monolith-service", "-bad")));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void missingRepository_isCreatedTaggedAndRecordedInTheLedger() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest");
        workflow.execute(request(false, "mysfits/monolith-service"));
        assertEquals(Map.of(ResourceNames.TAG_WORKSHOP, "ws", ResourceNames.TAG_SERVICE, "monolith"),
                registry.repositories.get("mysfits/monolith-service"));
        assertTrue(ledger.contains(ResourceType.ECR_REPOSITORY, "mysfits/monolith-service"));
    }

    @Test
    void existingRepository_isNotCreatedAgain() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest");
        registry.repositories.put("mysfits/monolith-service", Map.of());
        workflow.execute(request(false, "mysfits/monolith-service"));
        assertFalse(registry.calls.contains("create mysfits/monolith-service"), registry.calls.toString());
        assertFalse(ledger.contains(ResourceType.ECR_REPOSITORY, "mysfits/monolith-service"), "only what we created");
    }

    @Test
    void defaultTags_areEveryTagOfLatestUnderTheImageName() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest", "monolith-service:3f9c2ab", "other:latest");
        pusher.addLocal("sha256:" + "22".repeat(32), "monolith-service:old");
        PushResult report = workflow.execute(request(false, "mysfits/monolith-service"));
        assertEquals(List.of("latest", "3f9c2ab"), report.tags());
        String uri = FakeImageRegistry.HOST + "/mysfits/monolith-service";
        assertTrue(pusher.calls.contains("tag monolith-service:latest " + uri + ":3f9c2ab"), pusher.calls.toString());
        assertTrue(pusher.calls.contains("push " + uri + ":3f9c2ab as AWS"), pusher.calls.toString());
        assertFalse(pusher.calls.stream().anyMatch(c -> c.contains(":old")), pusher.calls.toString());
    }

    @Test
    void explicitTags_pushOnlyThose_andMustExistLocally() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest", "monolith-service:v1");
        PushResult report = workflow.execute(request(false, "mysfits/monolith-service", "v1"));
        assertEquals(List.of("v1"), report.tags());
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow.execute(request(false, "mysfits/monolith-service", "v2")));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("run mysfits build monolith --tag v2 first", e.hint());
    }

    @Test
    void report_countsLayersOncePerImage_pushedWinsOverExistingOfLaterTags() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest", "monolith-service:3f9c2ab");
        pusher.remoteLayers.add("base");
        PushResult first = workflow.execute(request(false, "mysfits/monolith-service"));
        assertEquals(2, first.layersPushed());
        assertEquals(1, first.layersExisting());
        assertEquals(40_002_000L, first.bytesPushed());
        assertEquals(pusher.digest, first.digest());
        assertTrue(err.toString().contains("2 layers pushed (40.0 MB), 1 already in the registry"), err.toString());

        PushResult again = workflow.execute(request(false, "mysfits/monolith-service"));
        assertEquals(0, again.layersPushed());
        assertEquals(3, again.layersExisting());
    }

    @Test
    void push_asksEcrOnlyForTheRepositoryAndALogin_asTheDockerCliDoes() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest", "monolith-service:3f9c2ab");
        PushResult report = workflow.execute(request(false, "mysfits/monolith-service"));
        assertEquals(pusher.digest, report.digest());
        assertEquals(List.of("latest", "3f9c2ab"), report.tags());
        assertTrue(registry.calls.stream().allMatch(c -> c.startsWith("find ") || c.startsWith("create ")
                || c.equals("authenticate")), registry.calls.toString());
    }

    @Test
    void dryRun_looksButCreatesAndPushesNothing() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest");
        PushResult report = workflow.execute(request(true, "mysfits/monolith-service"));
        assertNull(report.digest());
        assertEquals(List.of("find mysfits/monolith-service"), registry.calls);
        assertFalse(pusher.calls.stream().anyMatch(c -> c.startsWith("push") || c.startsWith("tag")), pusher.calls.toString());
        assertTrue(err.toString().contains("would create ECR repository mysfits/monolith-service"), err.toString());
    }

    @Test
    void progress_printsOneFinalLinePerLayer_evenAcrossTags() {
        pusher.addLocal(IMAGE_ID, "monolith-service:latest", "monolith-service:3f9c2ab");
        workflow.execute(request(false, "mysfits/monolith-service"));
        String text = err.toString();
        assertEquals(1, text.split("deps: Pushed", -1).length - 1, text);
        assertFalse(text.contains("deps: Layer already exists"), text);
        assertTrue(text.contains("app: Pushed 2.0 kB"), text);
    }
}
