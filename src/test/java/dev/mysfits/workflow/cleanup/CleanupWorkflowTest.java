package dev.mysfits.workflow.cleanup;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.FakeResourceDeleter;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.workflow.Confirmation;
import dev.mysfits.console.CleanupRenderer;
import dev.mysfits.workflow.RecordingEvents;
import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanupWorkflowTest {
    private static final String MONOLITH_TG = "arn:tg/w-monolith-fg";
    private static final String LIKE_TG = "arn:tg/w-like-fg";

    @TempDir
    Path dir;
    private Ledger ledger;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private List<OwnedResource> world;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(dir.resolve("ledger.json"), Clock.systemUTC());
        world = new ArrayList<>(List.of(
                OwnedResource.of(ResourceType.SCALING_POLICY, "arn:policy/like", "w-like-cpu", "like", "service/w/like"),
                OwnedResource.of(ResourceType.SCALABLE_TARGET, "service/w/like", "service/w/like", "like", null),
                OwnedResource.of(ResourceType.SERVICE, "arn:svc/monolith", "monolith", "monolith", "w"),
                OwnedResource.of(ResourceType.SERVICE, "arn:svc/like", "like", "like", "w"),
                new OwnedResource(ResourceType.LISTENER_RULE, "arn:rule/like", "/mysfits/*/like", "like", "arn:listener",
                        List.of(LIKE_TG), null),
                OwnedResource.of(ResourceType.TARGET_GROUP, MONOLITH_TG, "w-monolith-fg", "monolith", null),
                OwnedResource.of(ResourceType.TARGET_GROUP, LIKE_TG, "w-like-fg", "like", null),
                new OwnedResource(ResourceType.LISTENER, "arn:listener", "w-alb:80", null, "arn:alb", List.of(MONOLITH_TG), null),
                OwnedResource.of(ResourceType.LOAD_BALANCER, "arn:alb", "w-alb", null, null),
                OwnedResource.of(ResourceType.ECR_REPOSITORY, "w/monolith", "w/monolith", "monolith", null),
                OwnedResource.of(ResourceType.ECR_REPOSITORY, "w/like", "w/like", "like", null),
                OwnedResource.of(ResourceType.LOG_GROUP, "/mysfits/w/monolith", "/mysfits/w/monolith", "monolith", null),
                OwnedResource.of(ResourceType.LOG_GROUP, "/mysfits/w/like", "/mysfits/w/like", "like", null),
                OwnedResource.of(ResourceType.TASK_DEFINITION, "arn:td/w-monolith:1", "w-monolith:1", "monolith", null),
                OwnedResource.of(ResourceType.TASK_DEFINITION, "arn:td/w-like:1", "w-like:1", "like", null),
                OwnedResource.of(ResourceType.IAM_ROLE, "w-ecs-execution", "w-ecs-execution", null, null),
                OwnedResource.of(ResourceType.SECURITY_GROUP, "sg-alb", "w-alb", null, null),
                OwnedResource.of(ResourceType.SECURITY_GROUP, "sg-tasks", "w-tasks", null, null),
                OwnedResource.of(ResourceType.CLUSTER, "arn:cluster/w", "w", null, null)));
        world.forEach(r -> ledger.record(r.type(), r.id(), r.service(), r.type() == ResourceType.IAM_ROLE ? "global" : "us-east-1"));
    }

    private Console console;

    private CleanupWorkflow workflow(FakeResourceDeleter deleter, Confirmation confirmation) {
        console = new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false,
                OutputFormat.TEXT, () -> 0L);
        // discovery sees what still exists, like AWS would
        return new CleanupWorkflow(new ConsoleEvents(console), ledger,
                (workshop, known) -> world.stream().filter(r -> deleter.existing.contains(r.id())).toList(),
                deleter, confirmation, RetryPolicy.standard(), d -> sleeps.add(d), "us-east-1");
    }

    private static Confirmation noTerminal() {
        return dev.mysfits.workflow.Confirmations.noTerminal();
    }

    private static Confirmation answering(boolean answer, AtomicInteger asked) {
        return new Confirmation() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                asked.incrementAndGet();
                return answer;
            }
        };
    }

    private static CleanupRequest all() {
        return new CleanupRequest("w", Set.of("monolith", "like"), List.of(), false, true, false, false);
    }

    @Test
    void cleanup_deletesStageByStageInDependencyOrder() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        CleanupResult result = workflow(deleter, noTerminal()).execute(all());

        assertEquals(world.size(), result.deleted().size());
        List<String> log = new ArrayList<>(deleter.log);
        int previous = -1;
        for (String line : log) {
            if (line.startsWith("reset")) {
                continue;
            }
            int ordinal = ResourceType.valueOf(line.split(" ")[1]).ordinal();
            assertTrue(ordinal >= previous, "out of order: " + log);
            previous = ordinal;
        }
        int reset = log.indexOf("reset arn:listener");
        assertTrue(reset > log.indexOf("delete LISTENER_RULE arn:rule/like"), log.toString());
        assertTrue(reset < log.indexOf("delete TARGET_GROUP " + MONOLITH_TG), log.toString());
        assertTrue(ledger.entries().isEmpty(), "every deleted resource leaves the ledger");
        assertTrue(err.toString().contains("nothing left"), err.toString());
    }

    @Test
    void cleanup_leavesWhatTheStackMade_thatSetupRecordedAsAdopted_andThenForgetsIt() throws Exception {
        ledger.adopt(ResourceType.DYNAMODB_TABLE, "stack-MysfitsTable-1", null, "mysfits", "us-east-1");
        ledger.adopt(ResourceType.ECR_REPOSITORY, "lab/monolith", "monolith", null, "us-east-1");
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        CleanupResult result = workflow(deleter, noTerminal()).execute(all());

        assertEquals(world.size(), result.deleted().size());
        assertTrue(deleter.log.stream().noneMatch(l -> l.contains("stack-MysfitsTable-1") || l.contains("lab/monolith")),
                deleter.log.toString());
        assertEquals(List.of(), ledger.entries(), "a later setup starts afresh");
        assertTrue(err.toString().contains("nothing left"), err.toString());
        assertTrue(err.toString().contains("left DynamoDB table stack-MysfitsTable-1 as it is: the stack made it, not mysfits"),
                err.toString());
    }

    @Test
    void cleanup_leavesTheStacksLoadBalancerAndListener_butResetsTheListenerOffTheTargetGroupItDeletes() throws Exception {
        OwnedResource stackAlb = OwnedResource.of(ResourceType.LOAD_BALANCER, "arn:stack-alb", "alb-container-labs", null, null);
        OwnedResource stackListener = new OwnedResource(ResourceType.LISTENER, "arn:stack-listener", "alb-container-labs:5000",
                null, "arn:stack-alb", List.of(LIKE_TG), null);
        world.add(stackAlb);
        world.add(stackListener);
        ledger.adopt(ResourceType.LOAD_BALANCER, "arn:stack-alb", null, null, "us-east-1");
        ledger.adopt(ResourceType.LISTENER, "arn:stack-listener", null, null, "us-east-1", 5000);
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        CleanupResult result = workflow(deleter, noTerminal()).execute(all());

        assertEquals(world.size() - 2, result.deleted().size());
        assertTrue(deleter.existing.containsAll(Set.of("arn:stack-alb", "arn:stack-listener")), deleter.existing.toString());
        List<String> log = new ArrayList<>(deleter.log);
        assertTrue(log.stream().noneMatch(l -> l.startsWith("delete") && l.contains("arn:stack-")), log.toString());
        int reset = log.indexOf("reset arn:stack-listener");
        assertTrue(reset >= 0 && reset < log.indexOf("delete TARGET_GROUP " + LIKE_TG), log.toString());
        assertTrue(result.clean());
    }

    @Test
    void cleanup_tableAndServiceTaskRole_goAfterTheServicesAndTheRoleWithTheOtherRoles() throws Exception {
        OwnedResource table = OwnedResource.of(ResourceType.DYNAMODB_TABLE, "w-mysfits", "w-mysfits", null, null);
        OwnedResource role = OwnedResource.of(ResourceType.IAM_ROLE, "w-task-monolith", "w-task-monolith", "monolith", null);
        world.add(table);
        world.add(role);
        ledger.record(table.type(), table.id(), null, "us-east-1");
        ledger.record(role.type(), role.id(), "monolith", "global");
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        CleanupResult result = workflow(deleter, noTerminal()).execute(all());

        assertEquals(world.size(), result.deleted().size());
        List<String> log = deleter.log;
        int tableAt = log.indexOf("delete DYNAMODB_TABLE w-mysfits");
        assertTrue(tableAt > log.indexOf("delete SERVICE arn:svc/monolith"), "no service writes to a deleted table: " + log);
        assertTrue(tableAt > log.indexOf("delete SERVICE arn:svc/like"), log.toString());
        assertTrue(log.indexOf("delete IAM_ROLE w-task-monolith") > log.indexOf("delete SERVICE arn:svc/monolith"), log.toString());
        assertTrue(log.indexOf("delete IAM_ROLE w-task-monolith") < log.indexOf("delete CLUSTER arn:cluster/w"), log.toString());
        assertTrue(ledger.entries().isEmpty(), "both leave the ledger");
    }

    @Test
    void cleanup_oneService_takesItsOwnTaskRoleAndLeavesTheSharedTable() throws Exception {
        OwnedResource table = OwnedResource.of(ResourceType.DYNAMODB_TABLE, "w-mysfits", "w-mysfits", null, null);
        OwnedResource role = OwnedResource.of(ResourceType.IAM_ROLE, "w-task-monolith", "w-task-monolith", "monolith", null);
        world.add(table);
        world.add(role);
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        workflow(deleter, noTerminal()).execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of("monolith"),
                false, true, false, false));

        assertTrue(deleter.log.contains("delete IAM_ROLE w-task-monolith"), deleter.log.toString());
        assertFalse(deleter.log.contains("delete DYNAMODB_TABLE w-mysfits"), deleter.log.toString());
    }

    @Test
    void cleanup_busyResource_isRetriedWithExponentialBackoffThenDeleted() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        deleter.busyFor.put("sg-tasks", new AtomicInteger(3));

        CleanupResult result = workflow(deleter, noTerminal()).execute(all());

        assertTrue(result.clean());
        assertEquals(4, deleter.attempts.get("sg-tasks").get());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250)), sleeps);
    }

    @Test
    void cleanup_resourceBusyForever_isLeftOverAfterEighteenAttemptsAndExitsOne() {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        deleter.busyFor.put("arn:alb", new AtomicInteger(100));

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow(deleter, noTerminal()).execute(all()));

        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("left 1 resources, 1 of them cost money"), e.getMessage());
        assertEquals(18, deleter.attempts.get("arn:alb").get());
        assertEquals(Duration.ofMillis(8 * 250 + 500 + 1000 + 2000 + 4000 + 8000 + 16000 + 30000 + 30000 + 30000),
                RetryPolicy.standard().patience(),
                "two minutes: what AWS takes at most to free a target group after its listener is deleted");
        assertEquals(Set.of("arn:alb"), deleter.existing, "everything else is deleted all the same");
        assertTrue(ledger.contains(ResourceType.LOAD_BALANCER, "arn:alb"), "the leftover stays in the ledger");
        assertTrue(err.toString().contains("$ load balancer w-alb"), err.toString());
    }

    @Test
    void cleanup_interruptedThenRunAgain_finishesAndThenHasNothingToDo() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        deleter.crashAfter = 7;
        assertThrows(IllegalStateException.class,
                () -> workflow(deleter, noTerminal()).execute(all()));
        int remaining = ledger.entries().size();
        assertTrue(remaining > 0 && remaining < world.size(), "the ledger forgot what was deleted before the crash: " + remaining);
        assertEquals(deleter.existing.size(), remaining, "ledger and reality agree after the crash");

        deleter.crashAfter = Integer.MAX_VALUE;
        CleanupResult second = workflow(deleter, noTerminal()).execute(all());
        assertEquals(remaining, second.deleted().size());
        assertTrue(deleter.existing.isEmpty());

        CleanupResult third = workflow(deleter, noTerminal()).execute(all());
        assertTrue(third.planned().isEmpty());
        assertTrue(err.toString().contains("nothing to clean up"), err.toString());
    }

    @Test
    void cleanup_oneService_deletesOnlyItsResourcesAndKeepsSharedOnes() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        workflow(deleter, noTerminal()).execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of("like"), false, true, false, false));

        Set<String> likeIds = Set.of("arn:policy/like", "service/w/like", "arn:svc/like", "arn:rule/like", LIKE_TG,
                "w/like", "/mysfits/w/like", "arn:td/w-like:1");
        for (OwnedResource r : world) {
            assertEquals(!likeIds.contains(r.id()), deleter.existing.contains(r.id()), r.describe());
        }
        assertFalse(deleter.log.contains("reset arn:listener"), "the default action forwards to monolith: left alone");
    }

    @Test
    void cleanup_serviceOwningTheDefaultAction_resetsItToFixed404() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        workflow(deleter, noTerminal()).execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of("monolith"), false, true, false, false));

        assertTrue(deleter.log.indexOf("reset arn:listener") < deleter.log.indexOf("delete TARGET_GROUP " + MONOLITH_TG));
        assertTrue(deleter.existing.contains("arn:listener"));
        assertTrue(deleter.existing.contains("arn:svc/like"));
    }

    @Test
    void cleanup_keepImagesAndKeepInfra_keepRepositoriesAndSharedInfrastructure() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        workflow(deleter, noTerminal()).execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of(), false, true, true, true));

        Set<String> kept = world.stream()
                .filter(r -> r.shared() || r.type() == ResourceType.ECR_REPOSITORY).map(OwnedResource::id)
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(kept, deleter.existing);
    }

    @Test
    void cleanup_withoutTerminalAndWithoutYes_refusesWithExitTwoAndDeletesNothing() {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow(deleter, noTerminal())
                .execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of(), false, false, false, false)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.hint().contains("--yes"));
        assertTrue(deleter.log.isEmpty());
        assertEquals(world.size(), ledger.entries().size());
    }

    @Test
    void cleanup_onTerminal_asksOnceAndDeletesNothingOnNo() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        AtomicInteger asked = new AtomicInteger();

        CleanupResult result = workflow(deleter, answering(false, asked)).execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of(), false, false, false, false));

        assertEquals(1, asked.get());
        assertTrue(result.deleted().isEmpty());
        assertTrue(deleter.log.isEmpty());
    }

    @Test
    void cleanup_onTerminal_deletesOnYes() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        AtomicInteger asked = new AtomicInteger();

        workflow(deleter, answering(true, asked)).execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of(), false, false, false, false));

        assertEquals(1, asked.get());
        assertTrue(deleter.existing.isEmpty());
    }

    @Test
    void cleanup_dryRun_listsOnStdoutWithCostsAndDeletesNothing() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        CleanupResult result = workflow(deleter, noTerminal()).execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of(), true, false, false, false));
        new CleanupRenderer(console).render(result);

        assertEquals(world.size(), result.planned().size());
        assertTrue(deleter.log.isEmpty());
        assertTrue(out.toString().contains("Would delete " + world.size() + " resources"), out.toString());
        assertTrue(out.toString().contains("$ w-alb  ALB hours"), out.toString());
    }

    @Test
    void cleanup_ledgerEntryAlreadyGoneInAws_countsAsDeletedAndLeavesTheLedger() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        ledger.record(ResourceType.LOG_GROUP, "/mysfits/w/old", "old", "us-east-1");

        CleanupResult result = workflow(deleter, noTerminal()).execute(all());

        assertTrue(result.deleted().stream().anyMatch(r -> r.id().equals("/mysfits/w/old")));
        assertTrue(ledger.entries().isEmpty());
    }

    @Test
    void cleanup_ledgerEntriesOfAnotherRegion_areLeftAlone() throws Exception {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        ledger.record(ResourceType.LOG_GROUP, "/mysfits/w/elsewhere", "like", "eu-west-1");

        workflow(deleter, noTerminal()).execute(all());

        assertEquals(List.of("/mysfits/w/elsewhere"), ledger.entries().stream().map(e -> e.id()).toList());
    }

    @Test
    void cleanup_unknownService_isUsageErrorBeforeAnyDeletion() {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);

        MysfitsException e = assertThrows(MysfitsException.class, () -> workflow(deleter, noTerminal())
                .execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of("nope"), false, true, false, false)));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(deleter.log.isEmpty());
    }

    @Test
    void cleanup_missingCredentials_stopsEverything() {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world) {
            @Override
            public Outcome delete(OwnedResource resource) {
                throw MysfitsException.precondition("no AWS credentials found", "run aws configure");
            }
        };

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> workflow(deleter, noTerminal()).execute(all()));

        assertEquals(ExitCode.PRECONDITION, e.exitCode());
        assertEquals(world.size(), ledger.entries().size());
    }

    @Test
    void cleanup_saysEachDeletionAsAnEvent_andADryRunSaysNothingButItsResult() {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        RecordingEvents events = new RecordingEvents();
        CleanupWorkflow workflow = new CleanupWorkflow(events, ledger,
                (workshop, known) -> world.stream().filter(r -> deleter.existing.contains(r.id())).toList(),
                deleter, noTerminal(), RetryPolicy.standard(), d -> sleeps.add(d), "us-east-1");

        CleanupResult planned = workflow.execute(new CleanupRequest("w", Set.of("monolith", "like"), List.of(), true, false, false, false));

        assertTrue(planned.dryRun());
        assertEquals(world.size(), planned.planned().size());
        assertEquals(List.of("stage: Looking for the resources of workshop w"), events.lines(), "a dry run's answer is its result");

        CleanupResult result = workflow.execute(all());

        assertEquals(world.size(), events.of("made").stream().filter(m -> m.startsWith("deleted ")).count(), events.lines().toString());
        assertTrue(events.of("made").contains("deleted ECS cluster w (arn:cluster/w)"), events.of("made").toString());
        assertTrue(events.of("made").contains("listener w-alb:80 now answers 404 by default"), events.of("made").toString());
        assertEquals(List.of("deleted " + world.size() + " resources: nothing left"), events.of("done"));
        assertEquals(result.deleted().size(), world.size());
        assertEquals("", out.toString(), "the workflow writes nothing: the console renders its events and result");
    }

    @Test
    void cleanup_withLeftovers_throwsExitOneCarryingItsResult() {
        FakeResourceDeleter deleter = new FakeResourceDeleter(world);
        deleter.busyFor.put("arn:alb", new AtomicInteger(100));
        RecordingEvents events = new RecordingEvents();
        CleanupWorkflow workflow = new CleanupWorkflow(events, ledger,
                (workshop, known) -> world.stream().filter(r -> deleter.existing.contains(r.id())).toList(),
                deleter, noTerminal(), RetryPolicy.standard(), d -> sleeps.add(d), "us-east-1");

        ResourcesLeftException left = assertThrows(ResourcesLeftException.class, () -> workflow.execute(all()));

        CleanupResult result = (CleanupResult) left.result();
        assertEquals(ExitCode.FAILED, left.exitCode());
        assertEquals(List.of("arn:alb"), result.leftovers().stream().map(l -> l.resource().id()).toList());
        assertEquals(world.size() - 1, result.deleted().size());
        assertEquals(List.of("1 resources are left:"), events.of("warn"));
    }
}
