package dev.mysfits.cli;

import dev.mysfits.console.TaskRenderer;
import dev.mysfits.workflow.task.ListTasksRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
        new TaskRenderer(console()).render(context().workflows().listTasks().execute(new ListTasksRequest(context().workshop(), service.name())));
    }
}
