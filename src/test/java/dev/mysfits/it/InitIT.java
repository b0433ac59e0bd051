package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * init on a copy of a real workshop's layout (services under app/, each with its Dockerfile) produces a workshop on
 * which build, push, setup and a deploy dry run succeed against the sandbox.
 */
class InitIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void initOnAWorkshopLayout_thenBuildPushSetupAndDeployDryRunSucceed() throws Exception {
        Path root = Files.createTempDirectory("mysfits-init").resolve("initws");
        Files.createDirectories(root.resolve("app"));
        Files.move(LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/monolith-service")), root.resolve("app/monolith"));
        Files.move(LocalImages.copyOf(TestSandbox.repoRoot().resolve("samples/like-service")), root.resolve("app/like"));
        Files.createDirectories(root.resolve("node_modules/left-pad"));
        Files.writeString(root.resolve("node_modules/left-pad/Dockerfile"), "FROM scratch\n");
        CommandHarness cli = TestSandbox.harness(root);

        CommandHarness.Result init = cli.run("init", "--output", "json");

        assertEquals(0, init.exitCode(), init.err());
        JsonNode result = JSON.readTree(init.out());
        assertEquals("initws", result.path("workshop").asText());
        assertEquals(2, result.path("services").size(), result.toString());
        assertTrue(Files.isRegularFile(root.resolve("task-defs/monolith-fargate.json")));
        CommandHarness.Result again = cli.run("init");
        assertEquals(2, again.exitCode(), "an existing mysfits.json is kept: " + again.err());

        try {
            for (String service : new String[] {"like", "monolith"}) {
                CommandHarness.Result build = cli.run("build", service);
                assertEquals(0, build.exitCode(), build.err());
                CommandHarness.Result push = cli.run("push", service);
                assertEquals(0, push.exitCode(), push.err());
            }
            assertEquals(0, cli.run("setup").exitCode());
            CommandHarness.Result dryRun = cli.run("deploy", "monolith", "--fargate", "--dry-run");
            assertEquals(0, dryRun.exitCode(), dryRun.err());
            assertTrue(dryRun.err().contains("would create service monolith"), dryRun.err());
            assertTrue(dryRun.out().trim().endsWith("/monolith/"), dryRun.out());
            CommandHarness.Result ec2DryRun = cli.run("deploy", "like", "--ec2", "--dry-run");
            assertEquals(0, ec2DryRun.exitCode(), ec2DryRun.err());
            assertEquals(0, cli.run("cleanup", "--yes").exitCode());
        } finally {
            cli.run("cleanup", "--local", "--yes");
        }
    }
}
