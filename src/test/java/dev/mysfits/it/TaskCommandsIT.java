package dev.mysfits.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.cli.CommandHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import static dev.mysfits.it.CleanupFixture.suffix;
import static dev.mysfits.it.TestSandbox.aws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interstella's lab 2 on the sandbox: task run before any deploy registers the revision itself ("register, then run
 * task"), task list shows the tasks, task stop stops them, and cleanup leaves nothing running. Every claim is checked
 * with the aws CLI (list-tasks, describe-tasks, list-task-definitions) and the docker CLI (the task containers).
 */
class TaskCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAST = "--poll-interval=1s";

    @BeforeEach
    void freshMoto() {
        TestSandbox.resetMoto();
    }

    @Test
    void runBeforeDeploy_list_stop_thenCleanupLeavesNoTaskAndNoContainer() throws IOException {
        TestSandbox.requireDocker();
        DeployFixture ws = new DeployFixture("tasks" + suffix());
        SortedSet<String> baseline = AwsInventory.take();
        ws.setup();

        // Not pushed: deploy's own precondition, and nothing registered.
        assertError(ws.run("task", "run", "like"), 3, "service like is not pushed", "mysfits push like");
        assertEquals(List.of(), ws.taskDefinitions("like"));

        ws.pushed("like", "latest");
        assertEquals(List.of(), ws.taskDefinitions("like"), "no deploy yet");
        CommandHarness.Result first = ws.run("task", "run", "like", "--output", "json");
        first.ok();
        JsonNode firstTask = JSON.readTree(first.out());
        String one = firstTask.path("taskArn").asText();
        assertEquals("RUNNING", firstTask.path("lastStatus").asText());
        assertTrue(first.err().contains("Registering the task definition of like"), first.err());
        List<String> revisions = ws.taskDefinitions("like");
        assertEquals(1, revisions.size(), revisions.toString());
        assertEquals(revisions.get(0), firstTask.path("taskDefinitionArn").asText());
        assertEquals(0, aws("ecs", "describe-services", "--cluster", ws.name, "--services", "like").path("services").size(),
                "task run makes no service");
        // Tagged as deploy tags it, so cleanup finds it by tag with the ledger gone.
        JsonNode revisionTags = aws("ecs", "list-tags-for-resource", "--resource-arn", revisions.get(0)).path("tags");
        assertTrue(revisionTags.toString().contains("\"value\":\"" + ws.name + "\""), revisionTags.toString());

        // Again, the same template and image: the same revision, a second task.
        CommandHarness.Result second = ws.run("task", "run", "like", "--output", "json");
        second.ok();
        String two = JSON.readTree(second.out()).path("taskArn").asText();
        assertEquals(revisions, ws.taskDefinitions("like"), "nothing changed: no new revision");
        assertEquals(sorted(List.of(one, two)), sorted(listTasks(ws, "RUNNING")));
        JsonNode described = aws("ecs", "describe-tasks", "--cluster", ws.name, "--tasks", one, "--include", "TAGS").path("tasks").get(0);
        assertTrue(described.path("tags").toString().contains("\"value\":\"" + ws.name + "\""), described.toString());
        assertEquals(2, runningContainersOf(List.of(one, two)), TestSandbox.taskContainers().toString());

        // task list: both, as task run's, running.
        JsonNode listed = JSON.readTree(ws.run("task", "list", "like", "--output", "json").ok().out());
        assertEquals(2, listed.size(), listed.toString());
        for (JsonNode task : listed) {
            assertEquals("task run", task.path("startedBy").asText());
            assertEquals("RUNNING", task.path("lastStatus").asText());
            assertFalse(task.path("startedAt").isNull(), task.toString());
        }

        // Wrong input, checked before anything is stopped.
        assertError(ws.run("task", "stop", "like", "0123456789abcdef0123456789abcdef"), 2,
                "task 0123456789abcdef0123456789abcdef is not a task of service like", "mysfits task list like");
        assertError(ws.run("task", "stop", "like", id(one), "0123456789abcdef0123456789abcdef"), 2,
                "is not a task of service like", "mysfits task list like");
        assertError(ws.run("task", "stop", "like", id(one), "--all"), 2, "TASK and --all are mutually exclusive", "--help");
        assertError(ws.run("task", "stop", "like"), 2, "or pass --all", "--help");
        assertError(ws.run("task", "list", "nope"), 2, "unknown service 'nope'", "use one of those names");
        assertError(ws.run("task", "list", "like", "--output", "yaml"), 2, "yaml", "--help");
        assertEquals(2, listTasks(ws, "RUNNING").size(), "nothing was stopped");

        // task stop by id: STOPPED when it returns, as ECS and Docker see it.
        CommandHarness.Result stopped = ws.run("task", "stop", "like", id(one), "--output", "json");
        stopped.ok();
        JsonNode result = JSON.readTree(stopped.out());
        assertEquals(1, result.path("stopped").size(), result.toString());
        assertEquals(one, result.path("stopped").get(0).path("arn").asText());
        assertEquals("STOPPED", result.path("stopped").get(0).path("lastStatus").asText());
        JsonNode after = aws("ecs", "describe-tasks", "--cluster", ws.name, "--tasks", one).path("tasks").get(0);
        assertEquals("STOPPED", after.path("lastStatus").asText());
        assertEquals("Stopped by mysfits task stop", after.path("stoppedReason").asText());
        assertEquals(List.of(two), listTasks(ws, "RUNNING"));
        assertEquals(List.of(one), listTasks(ws, "STOPPED"));
        assertEquals(0, runningContainersOf(List.of(one)), TestSandbox.taskContainers().toString());
        // Stopping it again is not an error.
        ws.run("task", "stop", "like", one).ok();

        // The service's own task beside it: task list tells them apart, and --all leaves the service's to its scheduler.
        ws.run("deploy", "like", "--fargate", FAST).ok();
        List<String> serviceTasks = texts(aws("ecs", "list-tasks", "--cluster", ws.name, "--service-name", "like").path("taskArns"));
        assertEquals(1, serviceTasks.size(), serviceTasks.toString());
        CommandHarness.Result table = ws.run("task", "list", "like").ok();
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(id(one)) && l.contains("STOPPED/STOPPED")
                && l.contains("Stopped by mysfits task stop")), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(id(serviceTasks.get(0))) && l.contains("service")), table.out());
        JsonNode all = JSON.readTree(ws.run("task", "stop", "like", "--all", "--output", "json").ok().out());
        assertEquals(List.of(two), texts(all.path("stopped").findValues("arn")), all.toString());
        assertEquals(serviceTasks, listTasks(ws, "RUNNING"), "the service's task still runs");
        JsonNode none = JSON.readTree(ws.run("task", "stop", "like", "--all", "--output", "json").ok().out());
        assertEquals(0, none.path("stopped").size(), "nothing to stop is not an error: " + none);

        // --tag, as deploy --tag: a tag ECR lacks is deploy's own precondition; a pushed one registers a revision
        // pinned to it, and the task's container runs that image.
        assertError(ws.run("task", "run", "like", "--tag", "nope"), 3, "has no image tagged 'nope'", "mysfits push like");
        ws.pushed("like", "v2");
        JsonNode pinned = JSON.readTree(ws.run("task", "run", "like", "--tag", "v2", "--output", "json").ok().out());
        String pinnedImage = aws("ecs", "describe-task-definition", "--task-definition", pinned.path("taskDefinitionArn").asText())
                .path("taskDefinition").path("containerDefinitions").get(0).path("image").asText();
        assertTrue(pinnedImage.endsWith(":v2"), pinnedImage);
        assertEquals("RUNNING", pinned.path("lastStatus").asText(), pinned.toString());

        // A task run left running, as lab 2 leaves it: cleanup stops it, and nothing runs after, for ECS and Docker.
        String three = JSON.readTree(ws.run("task", "run", "like", "--output", "json").ok().out()).path("taskArn").asText();
        assertEquals(1, runningContainersOf(List.of(three)), TestSandbox.taskContainers().toString());
        CommandHarness.Result cleaned = ws.run("cleanup", "--yes").ok();
        assertTrue(cleaned.err().contains("stopped ECS task " + ws.name + "-like/" + id(three)), cleaned.err());
        assertEquals(List.of(), AwsInventory.runningTasks());
        assertEquals(List.of(), TestSandbox.taskContainers());
        assertEquals(baseline, AwsInventory.take());
    }


    private static void assertError(CommandHarness.Result result, int exitCode, String what, String hint) {
        assertEquals(exitCode, result.exitCode(), result.err());
        List<String> lines = result.err().lines().toList();
        String error = lines.stream().filter(l -> l.startsWith("Error: ")).findFirst().orElse("");
        assertTrue(error.contains(what), result.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Hint: ") && l.contains(hint)), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
        assertEquals("", result.out());
    }

    /** The task ARNs of the workshop's cluster with this desired status, as the aws CLI lists them. */
    private static List<String> listTasks(DeployFixture ws, String desiredStatus) {
        return texts(aws("ecs", "list-tasks", "--cluster", ws.name, "--desired-status", desiredStatus).path("taskArns"));
    }

    /** How many of these tasks' containers Docker shows up (the sandbox names them ecs-FAMILY-REV-NAME-ID8). */
    private static int runningContainersOf(List<String> taskArns) {
        int running = 0;
        for (String container : TestSandbox.taskContainers()) {
            for (String arn : taskArns) {
                String[] parts = container.split(" ", 2);
                if (parts[0].endsWith("-" + id(arn).substring(0, 8)) && parts.length > 1 && parts[1].startsWith("Up")) {
                    running++;
                }
            }
        }
        return running;
    }

    private static String id(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
