package dev.mysfits.workflow.init;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.config.WorkshopConfigLoader;
import dev.mysfits.workflow.Confirmation;
import dev.mysfits.workflow.Confirmations;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.template.TaskDefinitionRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** init on workshop layouts like the real ones: services under app/, with dependencies and VCS data to skip. */
class InitWorkflowTest {
    @TempDir
    Path dir;

    private final Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter(), true),
            false, false, OutputFormat.TEXT, System::currentTimeMillis);

    private Path workshop() throws IOException {
        Path root = dir.resolve("Amazon-ECS-Workshop");
        dockerfile(root.resolve("app/monolith-service"), "FROM debian\nEXPOSE 80\n");
        dockerfile(root.resolve("app/like-service"), "FROM debian\n# the app listens here\nexpose 8080\n");
        dockerfile(root.resolve("app/web/node_modules/some-lib"), "FROM node\nEXPOSE 9999\n");
        dockerfile(root.resolve(".git/modules/x"), "FROM scratch\n");
        dockerfile(root.resolve("app/api/venv/lib"), "FROM scratch\n");
        return root;
    }

    private static void dockerfile(Path directory, String content) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("Dockerfile"), content);
    }

    private InitResult run(Path root, Map<String, String> chosen, boolean dryRun, boolean force, Confirmation confirmation) {
        return new InitWorkflow(new ConsoleEvents(console), confirmation).execute(new InitRequest(root, null, chosen, dryRun, force));
    }

    private static Confirmation noTerminal() {
        return Confirmations.noTerminal();
    }

    @Test
    void workshopLayout_oneServicePerDockerfile_namesPortsRepositories_andTemplatesPassTheStrictRenderer() throws IOException {
        Path root = workshop();

        InitResult result = run(root, Map.of(), false, false, noTerminal());

        assertEquals("amazon-ecs-workshop", result.workshop());
        assertEquals(List.of("like-service", "monolith-service"), result.services().stream().map(ServiceCandidate::name).toList());
        WorkshopConfig config = new WorkshopConfigLoader().load(root.resolve("mysfits.json"));
        assertEquals(8080, config.service("like-service").containerPort());
        assertEquals(80, config.service("monolith-service").containerPort());
        assertEquals("amazon-ecs-workshop/like-service", config.service("like-service").repository());
        assertEquals(root.resolve("app/like-service"), config.service("like-service").context());
        assertTrue(config.service("like-service").isDefaultRoute(), "the first service takes /");
        assertEquals("/monolith-service/*", config.service("monolith-service").path());
        TaskDefinitionRenderer renderer = new TaskDefinitionRenderer(new dev.mysfits.aws.ecs.EcsTaskDefinitionSchema(), root);
        for (String service : List.of("like-service", "monolith-service")) {
            for (String launchType : List.of("fargate", "ec2")) {
                var rendered = renderer.render(config.service(service).taskDefinitions().get(launchType), launchType, values(service));
                assertEquals(service, rendered.containerDefinitions().get(0).name());
            }
        }
    }

    private static Map<String, String> values(String service) {
        return Map.ofEntries(Map.entry("FAMILY", "w-" + service), Map.entry("SERVICE", service),
                Map.entry("IMAGE", "123456789012.dkr.ecr.us-east-1.amazonaws.com/w/" + service + ":latest"),
                Map.entry("ACCOUNT_ID", "123456789012"), Map.entry("REGION", "us-east-1"), Map.entry("LOG_GROUP", "/w/" + service),
                Map.entry("EXECUTION_ROLE_ARN", "arn:aws:iam::123456789012:role/x"),
                Map.entry("TASK_ROLE_ARN", "arn:aws:iam::123456789012:role/y"), Map.entry("CONTAINER_PORT", "80"),
                Map.entry("MONOLITH_URL", "http://x"), Map.entry("WORKSHOP", "w"));
    }

    @Test
    void dryRun_writesNothing() throws IOException {
        Path root = workshop();
        InitResult result = run(root, Map.of(), true, false, noTerminal());
        assertTrue(result.files().contains("mysfits.json"));
        assertFalse(Files.exists(root.resolve("mysfits.json")));
        assertFalse(Files.exists(root.resolve("task-defs")));
    }

    @Test
    void existingFiles_areKeptWithoutForce_andReplacedWithIt() throws IOException {
        Path root = workshop();
        Files.writeString(root.resolve("mysfits.json"), "{\"mine\": true}");

        MysfitsException e = assertThrows(MysfitsException.class, () -> run(root, Map.of(), false, false, noTerminal()));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("mysfits.json already exists"), e.getMessage());
        assertEquals("{\"mine\": true}", Files.readString(root.resolve("mysfits.json")));
        assertFalse(Files.exists(root.resolve("task-defs")), "nothing half-written");
        run(root, Map.of(), false, true, noTerminal());
        assertTrue(Files.readString(root.resolve("mysfits.json")).contains("\"workshop\""));
    }

    @Test
    void noDockerfile_isBadInput() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> run(dir, Map.of(), false, false, noTerminal()));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("no Dockerfile in "), e.getMessage());
    }

    @Test
    void onATerminal_asksForEachCandidate() throws IOException {
        Path root = workshop();
        List<String> asked = new ArrayList<>();
        Confirmation onlyLike = Confirmations.terminal(question -> asked.add(question) && question.contains("like-service"));

        InitResult result = run(root, Map.of(), false, false, onlyLike);

        assertEquals(2, asked.size());
        assertEquals(List.of("like-service"), result.services().stream().map(ServiceCandidate::name).toList());
    }

    @Test
    void serviceChoices_replaceTheProposal_andBadOnesAreRefused() throws IOException {
        Path root = workshop();
        InitResult result = run(root, Map.of("api", "app/like-service"), false, false, noTerminal());
        assertEquals(Set.of("api"), Set.copyOf(result.services().stream().map(ServiceCandidate::name).toList()));

        MysfitsException badName = assertThrows(MysfitsException.class,
                () -> run(root, Map.of("Like_Service", "app/like-service"), true, false, noTerminal()));
        assertTrue(badName.getMessage().contains("must be lowercase"), badName.getMessage());
        assertTrue(badName.hint().contains("--service like-service=app/like-service"), badName.hint());
        MysfitsException noDockerfile = assertThrows(MysfitsException.class,
                () -> run(root, Map.of("x", "app"), true, false, noTerminal()));
        assertTrue(noDockerfile.getMessage().contains("no Dockerfile in"), noDockerfile.getMessage());
    }

    @Test
    void serviceNames_fromAnyDirectoryName() {
        assertEquals("inventory-api", DockerfileScanner.serviceName("Inventory_API"));
        assertEquals("svc-2048", DockerfileScanner.serviceName("2048"));
        assertEquals("a-b", DockerfileScanner.serviceName("--a..b--"));
    }
}
