package dev.mysfits.cli;

import dev.mysfits.console.Table;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.task.ListTasksRequest;
import dev.mysfits.workflow.task.ListTasksWorkflow;
import dev.mysfits.workflow.task.ServiceTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Show the service's tasks in the workshop's cluster, newest first: the running ones and the recently "
                + "stopped ones (ECS keeps a stopped task about an hour), both the ECS service's own and those task run "
                + "started, with status (last/desired), started and stopped times, stop reason and the containers' exit codes.",
                "None is not an error: it says so on stderr, and prints nothing (or [] with --output json)."})
final class TaskListCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Override
    protected void execute() {
        AppContext app = context();
        ServiceAdapters adapters = ServiceAdapters.from(app.aws(), app.workshop(), app.ledger());
        List<ServiceTask> tasks = new ListTasksWorkflow(app.aws().clusterTasks(), adapters.infrastructure())
                .execute(new ListTasksRequest(app.workshop(), service.name()));
        if (tasks.isEmpty()) {
            console().info("no task of " + service.name() + " is running or stopped recently: mysfits task run "
                    + service.name() + " starts one");
        }
        if (console().jsonOutput()) {
            console().json(tasks);
            return;
        }
        if (tasks.isEmpty()) {
            return;
        }
        Table table = new Table("TASK", "STARTED BY", "REVISION", "STATUS", "STARTED", "STOPPED", "STOP REASON", "EXIT CODES");
        for (ServiceTask t : tasks) {
            table.row(t.id(), t.startedBy(), t.revision(), t.lastStatus() + "/" + t.desiredStatus(), time(t.startedAt()),
                    time(t.stoppedAt()), t.stoppedReason(), exitCodes(t.exitCodes()));
        }
        console().data(table.render());
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
