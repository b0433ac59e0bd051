package dev.mysfits.cli;

import dev.mysfits.console.TaskRenderer;
import dev.mysfits.workflow.task.StopTasksRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop tasks of the service and wait until ECS says they are STOPPED.",
                "Name the tasks (ids or ARNs, as task list shows them; each must be this service's, checked before any "
                        + "is stopped), or pass --all for every standalone task of the service: the ones task run started. "
                        + "--all leaves the ECS service's own tasks alone, since its scheduler would only start others to "
                        + "keep its count: mysfits scale SERVICE --count 0 stops those. A service task named by id is stopped, and "
                        + "replaced by the scheduler.",
                "Nothing to stop is not an error. With --output json, prints what was stopped."})
final class TaskStopCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TASK", description = "A task id or ARN of the service.")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--all", description = "Stop every standalone task of the service (task run's), not the service's own.")
    boolean all;

    @Mixin
    TaskWaitOptions wait;

    @Override
    protected void execute() {
        if (all && !tasks.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "TASK and --all are mutually exclusive: name tasks, or stop all of them");
        }
        if (!all && tasks.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name the tasks to stop (TASK...), or pass --all");
        }
        // task stop polls every 2 s unless --poll-interval says otherwise
        new TaskRenderer(console()).render(context().workflows().stopTasks().execute(new StopTasksRequest(context().workshop(),
                service.name(), tasks, all, wait.timeout(), wait.pollInterval(Duration.ofSeconds(2)))));
    }
}
