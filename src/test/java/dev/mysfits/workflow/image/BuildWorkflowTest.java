package dev.mysfits.workflow.image;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.docker.BuildStep;
import dev.mysfits.docker.BuiltImage;
import dev.mysfits.docker.ImageBuildFailedException;
import dev.mysfits.docker.ImageBuildRequest;
import dev.mysfits.git.SourceRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildWorkflowTest {
    @TempDir
    Path workshop;
    private final List<ImageBuildRequest> builds = new ArrayList<>();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false, false,
            OutputFormat.TEXT, () -> 0L);
    private final SourceRevision revision = dir -> Optional.of(new SourceRevision.Revision("abc1234", true));

    private ServiceConfig service(String dockerfile) {
        return new ServiceConfig("monolith", workshop.resolve("app"), dockerfile, "monolith-service", "r", 80, 8000, "/", "/",
                Map.of(), Map.of("FROM_CONFIG", "1", "OVERRIDDEN", "config"), Map.of(), dev.mysfits.config.HealthCheckConfig.WORKSHOP);
    }

    private BuildRequest request(ServiceConfig service, List<String> tags) {
        return new BuildRequest(service, "ws", workshop, tags, Map.of("OVERRIDDEN", "cli"), false, Duration.ofMinutes(1));
    }

    @Test
    void build_defaultTags_labels_andMergedBuildArgs() throws IOException {
        Files.createDirectories(workshop.resolve("app"));
        Files.writeString(workshop.resolve("app/Dockerfile"), "FROM scratch\n");
        BuildWorkflow workflow = new BuildWorkflow((request, listener) -> {
            builds.add(request);
            listener.stepStarted(new BuildStep(1, 2, "FROM scratch"));
            listener.stepStarted(new BuildStep(2, 2, "COPY . ."));
            listener.stepCached(new BuildStep(2, 2, "COPY . ."));
            return new BuiltImage("sha256:1", request.options().tags(), 1, 2);
        }, revision, new ConsoleEvents(console), counter());

        BuildResult result = workflow.execute(request(service("Dockerfile"), List.of()));

        assertEquals(List.of("monolith-service:latest", "monolith-service:abc1234-dirty"), result.tags());
        assertEquals(1, result.cachedSteps());
        ImageBuildRequest sent = builds.get(0);
        assertEquals(Map.of("FROM_CONFIG", "1", "OVERRIDDEN", "cli"), sent.options().buildArgs());
        assertEquals(Map.of("mysfits.workshop", "ws", "mysfits.service", "monolith"), sent.labels());
        assertTrue(err.toString().contains("Step 2/2 : COPY . .\n      ---> Using cache"), err.toString());
    }

    @Test
    void missingDockerfile_isUsageErrorNamingPath_andBuildsNothing() throws IOException {
        Files.createDirectories(workshop.resolve("app"));
        BuildWorkflow workflow = new BuildWorkflow((request, listener) -> {
            builds.add(request);
            return null;
        }, revision, new ConsoleEvents(console), counter());

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow.execute(request(service("Dockerfile.missing"), List.of())));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains(workshop.resolve("app/Dockerfile.missing").toString()), e.getMessage());
        assertTrue(builds.isEmpty());
    }

    @Test
    void failedStep_isNamed_andTailShown() throws IOException {
        Files.createDirectories(workshop.resolve("app"));
        Files.writeString(workshop.resolve("app/Dockerfile"), "FROM scratch\n");
        BuildWorkflow workflow = new BuildWorkflow((request, listener) -> {
            throw new ImageBuildFailedException(new BuildStep(3, 7, "RUN make"), "returned a non-zero code: 2",
                    List.of("make: *** No rule to make target"));
        }, revision, new ConsoleEvents(console), counter());

        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow.execute(request(service("Dockerfile"), List.of("v1"))));

        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("at step 3/7 (RUN make)"), e.getMessage());
        assertTrue(err.toString().contains("| make: *** No rule to make target"), err.toString());
    }

    private static java.util.function.LongSupplier counter() {
        long[] t = {0};
        return () -> t[0] += 1_000_000_000L;
    }
}
