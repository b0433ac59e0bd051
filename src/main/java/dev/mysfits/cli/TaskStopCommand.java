package dev.mysfits.cli;

import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.task.StopTasksRequest;
import dev.mysfits.workflow.task.StopTasksResult;
import dev.mysfits.workflow.task.StopTasksWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.time.Clock;
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

    @Option(names = "--wait-timeout", defaultValue = "5m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Give up waiting for STOPPED after this long (default: ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Option(names = "--poll-interval", defaultValue = "2s", converter = DurationConverter.class, hidden = true)
    Duration pollInterval;

    @Override
    protected void execute() throws InterruptedException {
        if (all && !tasks.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "TASK and --all are mutually exclusive: name tasks, or stop all of them");
        }
        if (!all && tasks.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name the tasks to stop (TASK...), or pass --all");
        }
        AppContext app = context();
        ServiceAdapters adapters = ServiceAdapters.from(app.aws(), app.workshop(), app.ledger());
        StopTasksResult result = new StopTasksWorkflow(app.aws().clusterTasks(), adapters.infrastructure(), events(),
                Clock.systemUTC(), Sleeper.system())
                .execute(new StopTasksRequest(app.workshop(), service.name(), tasks, all, waitTimeout, pollInterval));
        if (console().jsonOutput()) {
            console().json(result);
            return;
        }
        result.stopped().forEach(t -> console().data(t.arn() + " " + t.lastStatus()));
        if (!result.stopped().isEmpty()) {
            console().success("stopped " + result.stopped().size() + (result.stopped().size() == 1 ? " task" : " tasks")
                    + " of " + service.name());
        }
    }
}
