package dev.mysfits.workflow.task;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.aws.ecs.ClusterTasks.TaskSummary;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.fakes.FakeCluster;
import dev.mysfits.fakes.FakeClusterTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** task list and task stop on fakes: whose tasks they see, what --all leaves to the scheduler, ids checked first. */
class TaskListAndStopWorkflowTest {
    @TempDir
    Path dir;

    private FakeCluster cluster;
    private final FakeClusterTasks tasks = new FakeClusterTasks();
    private final List<Duration> sleeps = new ArrayList<>();
    private String clusterName;

    @BeforeEach
    void setUp() {
        cluster = new FakeCluster(dir);
        clusterName = cluster.adapters().infrastructure().require().clusterName();
    }

    private List<ServiceTask> list(String service) {
        return new ListTasksWorkflow(tasks, cluster.adapters().infrastructure(), new ConsoleEvents(cluster.console))
                .execute(new ListTasksRequest(cluster.workshop, service)).tasks();
    }

    private StopTasksResult stop(String service, boolean all, String... ids) throws InterruptedException {
        return new StopTasksWorkflow(tasks, cluster.adapters().infrastructure(), new ConsoleEvents(cluster.console),
                Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC), sleeps::add)
                .execute(new StopTasksRequest(cluster.workshop, service, List.of(ids), all, Duration.ofMinutes(1), Duration.ofSeconds(2)));
    }

    @Test
    void list_showsTheServicesOwnAndTaskRunsTasks_runningAndStopped_newestFirst_andNotOtherServices() {
        TaskSummary ownRunning = tasks.add(clusterName, "mysfits-monolith", "monolith", "RUNNING");
        TaskSummary standaloneStopped = tasks.add(clusterName, "mysfits-monolith", null, "STOPPED");
        tasks.add(clusterName, "mysfits-like", null, "RUNNING");

        List<ServiceTask> listed = list("monolith");

        assertEquals(List.of(standaloneStopped.id(), ownRunning.id()), listed.stream().map(ServiceTask::id).toList());
        ServiceTask stopped = listed.get(0);
        assertEquals(ServiceTask.BY_TASK_RUN, stopped.startedBy());
        assertEquals("STOPPED", stopped.lastStatus());
        assertEquals("Essential container in task exited", stopped.stoppedReason());
        assertEquals(Map.of("app", 1), stopped.exitCodes());
        assertEquals("mysfits-monolith:1", stopped.revision());
        ServiceTask running = listed.get(1);
        assertEquals(ServiceTask.BY_SERVICE, running.startedBy());
        assertEquals("RUNNING/RUNNING", running.lastStatus() + "/" + running.desiredStatus());
        Map<String, Integer> noExit = new LinkedHashMap<>();
        noExit.put("app", null);
        assertEquals(noExit, running.exitCodes());
    }

    @Test
    void list_andStopAll_findTaskRunsTasksByTheirTags_whateverFamilyTheTemplateNames() throws InterruptedException {
        TaskSummary custom = tasks.add(clusterName, "lab-custom-family", null, "RUNNING",
                Map.of("mysfits:workshop", "mysfits", "mysfits:service", "monolith"));
        tasks.add(clusterName, "lab-custom-family", null, "RUNNING", Map.of("mysfits:workshop", "mysfits", "mysfits:service", "like"));
        tasks.add(clusterName, "lab-custom-family", null, "RUNNING", Map.of("mysfits:workshop", "other", "mysfits:service", "monolith"));

        assertEquals(List.of(custom.id()), list("monolith").stream().map(ServiceTask::id).toList());
        assertEquals(List.of(custom.arn()), stop("monolith", true).stopped().stream().map(ServiceTask::arn).toList());
    }

    @Test
    void list_noTasks_isAnEmptyList() {
        assertEquals(List.of(), list("like"));
    }

    @Test
    void list_unknownService_isAUsageError() {
        MysfitsException error = assertThrows(MysfitsException.class, () -> list("nope"));
        assertEquals(ExitCode.USAGE, error.exitCode());
    }

    @Test
    void stop_namedTasks_byIdAndByArn_stopsThem_andWaitsUntilStopped() throws InterruptedException {
        TaskSummary one = tasks.add(clusterName, "mysfits-monolith", null, "RUNNING");
        TaskSummary two = tasks.add(clusterName, "mysfits-monolith", null, "RUNNING");

        StopTasksResult result = stop("monolith", false, one.id(), two.arn());

        assertEquals(List.of(one.arn(), two.arn()), tasks.stops);
        assertEquals(List.of("STOPPED", "STOPPED"), result.stopped().stream().map(ServiceTask::lastStatus).toList());
        assertEquals(List.of(one.id(), two.id()), result.stopped().stream().map(ServiceTask::id).toList());
        assertEquals(Map.of("app", 143), result.stopped().get(0).exitCodes());
        assertEquals(2, sleeps.size(), "polled until the fake said STOPPED: " + sleeps);
        assertTrue(cluster.err.toString().contains("waiting for 2 of 2 to stop"), cluster.err.toString());
    }

    @Test
    void stop_all_stopsTheStandaloneTasks_andLeavesTheServicesOwnToItsScheduler() throws InterruptedException {
        TaskSummary own = tasks.add(clusterName, "mysfits-monolith", "monolith", "RUNNING");
        TaskSummary standalone = tasks.add(clusterName, "mysfits-monolith", null, "RUNNING");
        tasks.add(clusterName, "mysfits-monolith", null, "STOPPED");
        TaskSummary otherService = tasks.add(clusterName, "mysfits-like", null, "RUNNING");

        StopTasksResult result = stop("monolith", true);

        assertEquals(List.of(standalone.arn()), tasks.stops);
        assertEquals(List.of(standalone.id()), result.stopped().stream().map(ServiceTask::id).toList());
        assertEquals("RUNNING", tasks.tasks.get(own.arn()).desiredStatus());
        assertEquals("RUNNING", tasks.tasks.get(otherService.arn()).desiredStatus());
    }

    @Test
    void stop_all_withNothingRunning_isNotAnError_andStopsNothing() throws InterruptedException {
        tasks.add(clusterName, "mysfits-monolith", "monolith", "RUNNING");

        StopTasksResult result = stop("monolith", true);

        assertEquals(List.of(), result.stopped());
        assertEquals(List.of(), tasks.stops);
        assertTrue(cluster.err.toString().contains("nothing to stop"), cluster.err.toString());
    }

    @Test
    void stop_anAlreadyStoppedTask_isNotAnError_andIsNotStoppedAgain() throws InterruptedException {
        TaskSummary stopped = tasks.add(clusterName, "mysfits-monolith", null, "STOPPED");

        StopTasksResult result = stop("monolith", false, stopped.id());

        assertEquals(List.of(stopped.id()), result.alreadyStopped());
        assertEquals(List.of(), result.stopped());
        assertEquals(List.of(), tasks.stops);
    }

    @Test
    void stop_anUnknownId_isAUsageError_checkedBeforeAnyTaskIsStopped() {
        TaskSummary known = tasks.add(clusterName, "mysfits-monolith", null, "RUNNING");

        MysfitsException error = assertThrows(MysfitsException.class,
                () -> stop("monolith", false, known.id(), "0123456789abcdef0123456789abcdef"));

        assertEquals(ExitCode.USAGE, error.exitCode());
        assertEquals("task 0123456789abcdef0123456789abcdef is not a task of service monolith: cluster " + clusterName
                + " has no such task (ECS forgets stopped tasks after about an hour)", error.getMessage());
        assertEquals("see the service's tasks: mysfits task list monolith", error.hint());
        assertEquals(List.of(), tasks.stops);
    }

    @Test
    void stop_anotherServicesTask_isAUsageError_namingWhatItRuns_andStopsNothing() {
        TaskSummary mine = tasks.add(clusterName, "mysfits-monolith", null, "RUNNING");
        TaskSummary likes = tasks.add(clusterName, "mysfits-like", null, "RUNNING");

        MysfitsException error = assertThrows(MysfitsException.class, () -> stop("monolith", false, mine.id(), likes.id()));

        assertEquals(ExitCode.USAGE, error.exitCode());
        assertTrue(error.getMessage().endsWith("is not a task of service monolith: it runs mysfits-like:1"), error.getMessage());
        assertEquals(List.of(), tasks.stops);
    }

    @Test
    void stop_aMalformedId_isAUsageError() {
        MysfitsException error = assertThrows(MysfitsException.class, () -> stop("monolith", false, "not/a task"));

        assertEquals(ExitCode.USAGE, error.exitCode());
        assertTrue(error.getMessage().startsWith("'not/a task' is not a task id or ARN"), error.getMessage());
    }

    @Test
    void stop_aTaskThatNeverStops_timesOut_namingIt() {
        TaskSummary stuck = tasks.add(clusterName, "mysfits-monolith", null, "RUNNING");
        tasks.describesToStop = -1;

        MysfitsException error = assertThrows(MysfitsException.class, () -> new StopTasksWorkflow(tasks,
                cluster.adapters().infrastructure(), new ConsoleEvents(cluster.console), Clock.systemUTC(), d -> { })
                .execute(new StopTasksRequest(cluster.workshop, "monolith", List.of(stuck.id()), false, Duration.ZERO, Duration.ZERO)));

        assertEquals(ExitCode.TIMEOUT, error.exitCode());
        assertTrue(error.getMessage().contains(stuck.id() + " RUNNING"), error.getMessage());
    }
}
