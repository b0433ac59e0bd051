package dev.mysfits.workflow.codebuild;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.codebuild.BuildProjects.Phase;
import dev.mysfits.aws.ecr.RepositoryImages.EcrImage;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.config.HealthCheckConfig;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeAws;
import dev.mysfits.fakes.FakeBuildProjects;
import dev.mysfits.fakes.FakeLogReader;
import dev.mysfits.fakes.FakeRepositoryImages;
import dev.mysfits.git.SourceRevision;
import dev.mysfits.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mysfits.fakes.FakeBuildProjects.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeBuildWorkflowTest {
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;
    private final FakeAws aws = new FakeAws();
    private final FakeBuildProjects projects = new FakeBuildProjects();
    private final FakeLogReader logs = new FakeLogReader();
    private final FakeRepositoryImages images = new FakeRepositoryImages();
    private final StringWriter err = new StringWriter();
    private final List<Duration> sleeps = new ArrayList<>();
    private Instant now = START;
    private WorkshopConfig workshop;
    private ServiceConfig inv;
    private Ledger ledger;

    @BeforeEach
    void workshop() throws Exception {
        inv = new ServiceConfig("inv", dir, "Dockerfile", "inv", "ws/inv", 8080, 8080, "/", "/", Map.of(), Map.of(), Map.of(),
                HealthCheckConfig.WORKSHOP);
        Files.writeString(dir.resolve("buildspec.yml"), "version: 0.2\n");
        workshop = new WorkshopConfig("ws", dir.resolve("mysfits.json"), dir, Map.of("inv", inv));
        ledger = new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
    }

    private CodeBuildWorkflow workflow() {
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false, false, OutputFormat.TEXT, () -> 0L);
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now; }
        };
        SourceRevision git = new SourceRevision() {
            public Optional<Revision> current(Path directory) { return Optional.of(new Revision("abc1234", false)); }
            public Optional<Path> root(Path directory) { return Optional.of(dir); }
            public Optional<String> originUrl(Path directory) { return Optional.of("https://github.com/example/inv.git"); }
        };
        return new CodeBuildWorkflow(aws.adapters().roles(), projects, () -> "123456789012", "us-east-1", ledger, git, new ConsoleEvents(console),
                d -> { sleeps.add(d); now = now.plus(d); }, logs, images, clock);
    }

    private CodeBuildRequest request(boolean start, boolean wait, String sourceVersion, String role) {
        return new CodeBuildRequest(workshop, inv, null, null, null, "img", "BUILD_GENERAL1_SMALL", start, false, sourceVersion, role,
                wait, Duration.ofMinutes(5), Duration.ofSeconds(1));
    }

    @Test
    void waitWithoutStart_isAUsageError_beforeAnyAwsCall() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow().execute(request(false, true, null, null)));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.hint().contains("--start"), e.hint());
        assertTrue(aws.mutations.isEmpty() && projects.mutations.isEmpty());
    }

    @Test
    void startWait_followsThePhasesWithBackoff_reportsThePushedImageAndTheLogTail() {
        Phase submitted = new Phase("SUBMITTED", "SUCCEEDED", 0L, null);
        Phase provisioning = new Phase("PROVISIONING", "SUCCEEDED", 3L, null);
        Phase build = new Phase("BUILD", "SUCCEEDED", 40L, null);
        projects.notFoundYet()
                .answer(state("IN_PROGRESS", "PROVISIONING", false, submitted))
                .answer(state("IN_PROGRESS", "BUILD", false, submitted, provisioning))
                .answer(state("SUCCEEDED", "COMPLETED", true, submitted, provisioning, build));
        for (int i = 0; i < 30; i++) {
            logs.putInStream("/aws/codebuild/p", "1", START.plusSeconds(i), "line " + i);
        }
        logs.putInStream("/aws/codebuild/p", "another-build", START.plusSeconds(31), "not this build's");
        images.repository("ws/inv", "123456789012.dkr.ecr.us-east-1.amazonaws.com/ws/inv",
                new EcrImage("sha256:old", List.of("v1"), START.minusSeconds(3600), 10),
                new EcrImage("sha256:new", List.of("latest", "abc1234"), START.plusSeconds(50), 10));

        CodeBuildResult result = workflow().execute(request(true, true, "feature/x", null));

        assertTrue(projects.mutations.contains("start ws-inv at feature/x"), projects.mutations.toString());
        assertEquals("SUCCEEDED", result.buildStatus());
        assertFalse(result.buildFailed());
        assertEquals(List.of("SUBMITTED", "PROVISIONING", "BUILD"), result.phases().stream().map(Phase::type).toList());
        assertEquals(40L, result.phases().get(2).durationSeconds());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/ws/inv:latest@sha256:new", result.imagePushed());
        assertEquals(BuildFollower.LOG_TAIL, result.logTail().size());
        assertEquals("line 29", result.logTail().get(BuildFollower.LOG_TAIL - 1));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofMillis(2250)), sleeps, "backoff");
        assertTrue(err.toString().contains("BUILD            SUCCEEDED  40s"), err.toString());
        assertTrue(ledger.entries().stream().anyMatch(e -> e.type() == ResourceType.LOG_GROUP && e.id().equals("/aws/codebuild/ws-inv")),
                "cleanup removes the group CodeBuild writes the build's log to");
    }

    @Test
    void aFailedBuild_isReportedWithItsFailedPhase_andNoImage() {
        projects.answer(state("FAILED", "COMPLETED", true, new Phase("PRE_BUILD", "SUCCEEDED", 1L, null),
                new Phase("BUILD", "FAILED", 2L, "COMMAND_EXECUTION_ERROR: Error while executing command: exit 1. Reason: exit status 1")));
        logs.putInStream("/aws/codebuild/p", "1", START, "compiling");
        logs.putInStream("/aws/codebuild/p", "1", START.plusSeconds(1), "[Container] 2026/12/06 10:00:01 Phase complete: BUILD State: FAILED");
        logs.putInStream("/aws/codebuild/p", "1", START.plusSeconds(2), "[Container] 2026/12/06 10:00:02 Phase context status code: "
                + "COMMAND_EXECUTION_ERROR Message: Error while executing command: exit 1. Reason: exit status 1");
        for (int i = 0; i < 30; i++) { // what POST_BUILD printed afterwards
            logs.putInStream("/aws/codebuild/p", "1", START.plusSeconds(3 + i), "pushing " + i);
        }

        CodeBuildResult result = workflow().execute(request(true, true, null, null));

        assertTrue(result.buildFailed());
        assertTrue(result.failedPhase().startsWith("BUILD (COMMAND_EXECUTION_ERROR"), result.failedPhase());
        assertNull(result.imagePushed());
        assertEquals("compiling", result.logTail().get(0), "the tail ends where CodeBuild says why BUILD failed");
        assertTrue(result.logTail().get(2).contains("Phase context status code: COMMAND_EXECUTION_ERROR"), result.logTail().toString());
        assertEquals(3, result.logTail().size(), result.logTail().toString());
        assertTrue(images.asked.isEmpty(), "no image is looked for after a failure");
    }

    @Test
    void aBuildStillRunningAtTheDeadline_isATimeout() {
        projects.answer(state("IN_PROGRESS", "BUILD", false));
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow().execute(
                new CodeBuildRequest(workshop, inv, null, null, null, "img", "BUILD_GENERAL1_SMALL", true, false, null, null,
                        true, Duration.ofSeconds(30), Duration.ofSeconds(1))));
        assertEquals(ExitCode.TIMEOUT, e.exitCode());
        assertTrue(e.getMessage().contains("still IN_PROGRESS in BUILD after 30s"), e.getMessage());
        assertEquals(Duration.ofSeconds(30), sleeps.stream().reduce(Duration.ZERO, Duration::plus), "waits exactly to the deadline");
    }

    @Test
    void anExistingServiceRole_isUsedAsItIs_neitherChangedNorRecorded() {
        aws.roles.put("team-codebuild", new Roles.Role("team-codebuild", "arn:aws:iam::123456789012:role/team-codebuild",
                List.of("codebuild.amazonaws.com")));

        CodeBuildResult result = workflow().execute(request(false, false, null, "arn:aws:iam::123456789012:role/team-codebuild"));

        assertEquals("arn:aws:iam::123456789012:role/team-codebuild", result.role());
        assertFalse(result.roleOwned());
        assertTrue(aws.mutations.isEmpty(), "no role made, no policy put: " + aws.mutations);
        assertTrue(projects.mutations.contains("create project ws-inv role arn:aws:iam::123456789012:role/team-codebuild"),
                projects.mutations.toString());
        assertTrue(ledger.entries().stream().noneMatch(e -> e.type() == ResourceType.IAM_ROLE), "cleanup must not delete it");
    }

    @Test
    void aMissingServiceRole_isAPrecondition_andNothingIsMade() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow().execute(request(false, false, null, "nobody-role")));
        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals("IAM role nobody-role does not exist", e.getMessage());
        assertTrue(e.hint().contains("leave out --service-role"), e.hint());
        assertTrue(aws.mutations.isEmpty() && projects.mutations.isEmpty());
    }

    @Test
    void serviceRole_takesANameOrARoleArn_andRefusesOtherText() {
        assertEquals("r", CodeBuildWorkflow.roleName("r"));
        assertEquals("r", CodeBuildWorkflow.roleName("arn:aws:iam::123456789012:role/service-role/r"));
        MysfitsException e = assertThrows(MysfitsException.class, () -> CodeBuildWorkflow.roleName("arn:aws:s3:::bucket"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertThrows(MysfitsException.class, () -> CodeBuildWorkflow.roleName("no spaces"));
    }
}
