package dev.mysfits.cli;

import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.task.RunTaskRequest;
import dev.mysfits.workflow.task.RunTaskResult;
import dev.mysfits.workflow.task.RunTaskWorkflow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the service's current task-definition revision once and report how it went (RUNNING, or STOPPED with exit codes).")
public final class TaskRunCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    LaunchTypeOptions launchType;

    @Option(names = "--wait-timeout", defaultValue = "5m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Give up waiting for RUNNING or STOPPED after this long (default: ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Option(names = "--poll-interval", defaultValue = "3s", converter = DurationConverter.class, hidden = true)
    Duration pollInterval;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
            description = "An environment variable for the task's first container, over the task definition's. Repeatable.")
    java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();

    @Option(names = "--until-stopped", description = "Wait until the task stops (a one-off job) and report its exit codes; "
            + "exit 1 when a container failed.")
    boolean untilStopped;

    @Override
    protected void execute() throws InterruptedException {
        AppContext app = context();
        ServiceAdapters adapters = ServiceAdapters.from(app.aws(), app.workshop());
        RunTaskResult result = new RunTaskWorkflow(adapters.containers(), adapters.infrastructure(), console(),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()))
                .execute(new RunTaskRequest(app.workshop(), service.name(), launchType == null ? null : launchType.launchType(),
                        waitTimeout, pollInterval, environment, untilStopped));
        if (console().jsonOutput()) {
            console().json(result);
            return;
        }
        console().data(result.taskArn() + " " + result.lastStatus() + (result.ec2InstanceId() == null ? "" : " " + result.ec2InstanceId()));
        if ("RUNNING".equals(result.lastStatus())) {
            console().success("task is RUNNING (it has not stopped yet, so it has no exit code)");
        } else {
            console().success("task stopped: " + result.stoppedReason() + ", exit codes " + result.exitCodes());
        }
    }
}
