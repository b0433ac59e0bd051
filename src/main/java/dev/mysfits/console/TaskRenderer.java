package dev.mysfits.console;

import dev.mysfits.workflow.task.ListTasksResult;
import dev.mysfits.workflow.task.RunTaskResult;
import dev.mysfits.workflow.task.ServiceTask;
import dev.mysfits.workflow.task.StopTasksResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

/** What task run, task list and task stop answer on stdout, as text or JSON. */
public final class TaskRenderer {
    private final Console console;

    public TaskRenderer(Console console) {
        this.console = console;
    }

    /** The task and its last status; RUNNING tells how to see and stop it, STOPPED its exit codes. */
    public void render(RunTaskResult result) {
        if (console.jsonOutput()) {
            console.json(result);
            return;
        }
        console.data(result.taskArn() + " " + result.lastStatus() + (result.ec2InstanceId() == null ? "" : " " + result.ec2InstanceId()));
        if ("RUNNING".equals(result.lastStatus())) {
            console.success("task is RUNNING (it has not stopped yet, so it has no exit code)");
            console.nextSteps("mysfits task list " + result.service(), "mysfits task stop " + result.service() + " "
                    + result.taskArn().substring(result.taskArn().lastIndexOf('/') + 1));
        } else {
            console.success("task stopped: " + result.stoppedReason() + ", exit codes " + result.exitCodes());
        }
    }

    /** A table of the tasks; none prints nothing (or [] with --output json). */
    public void render(ListTasksResult result) {
        if (console.jsonOutput()) {
            console.json(result.tasks());
            return;
        }
        if (result.tasks().isEmpty()) {
            return;
        }
        Table table = new Table("TASK", "STARTED BY", "REVISION", "STATUS", "STARTED", "STOPPED", "STOP REASON", "EXIT CODES");
        for (ServiceTask t : result.tasks()) {
            table.row(t.id(), t.startedBy(), t.revision(), t.lastStatus() + "/" + t.desiredStatus(), time(t.startedAt()),
                    time(t.stoppedAt()), t.stoppedReason(), exitCodes(t.exitCodes()));
        }
        console.data(table.render());
    }

    /** Each stopped task and its status, then how many. */
    public void render(StopTasksResult result) {
        if (console.jsonOutput()) {
            console.json(result);
            return;
        }
        result.stopped().forEach(t -> console.data(t.arn() + " " + t.lastStatus()));
        if (!result.stopped().isEmpty()) {
            console.success("stopped " + result.stopped().size() + (result.stopped().size() == 1 ? " task" : " tasks")
                    + " of " + result.service());
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "monolith=0", or nothing while no container has exited. */
    private static String exitCodes(Map<String, Integer> codes) {
        if (codes.values().stream().allMatch(c -> c == null)) {
            return null;
        }
        return codes.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? "-" : e.getValue()))
                .collect(Collectors.joining(","));
    }
}
