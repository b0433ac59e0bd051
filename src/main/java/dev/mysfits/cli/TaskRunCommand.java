package dev.mysfits.cli;

import dev.mysfits.core.Sleeper;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployWorkflow;
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
        description = {"Run the service's task definition once and report how it went (RUNNING, or STOPPED with exit codes).",
                "Like the lab's \"register, then run task\", it works before any deploy: it renders the service's template "
                        + "as deploy does and registers a revision when the family has none or the template's result changed "
                        + "(the image must be pushed), then runs that revision. The launch type is --fargate or --ec2, else the "
                        + "deployed service's, else the service's only template's, else Fargate.",
                "The task is tagged with the workshop; mysfits task list shows it, mysfits task stop and mysfits cleanup stop it."})
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

    @Option(names = "--tag", paramLabel = "TAG", description = "Run the image of this tag, as deploy --tag (default: the image "
            + "'latest' points at now, named by its digest). A revision is registered when it differs.")
    String tag;

    @Option(names = "--until-stopped", description = "Wait until the task stops (a one-off job) and report its exit codes; "
            + "exit 1 when a container failed.")
    boolean untilStopped;

    @Override
    protected void execute() throws InterruptedException {
        AppContext app = context();
        app.workshop().service(service.name());
        app.lockWorkshop("task run " + service.name());
        ServiceAdapters adapters = ServiceAdapters.from(app.aws(), app.workshop(), app.ledger());
        DeployWorkflow deploy = new DeployWorkflow(adapters, app.ledger(), events(), Clock.systemUTC(), Sleeper.system());
        RunTaskResult result = new RunTaskWorkflow(adapters.containers(), adapters.infrastructure(), adapters.network(),
                (workshop, name, type, tag) -> deploy.registerTaskDefinition(DeployRequest.taskDefinitionOnly(workshop, name, type, tag)),
                events(), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()))
                .execute(new RunTaskRequest(app.workshop(), service.name(), launchType == null ? null : launchType.launchType(),
                        waitTimeout, pollInterval, environment, untilStopped, tag));
        if (console().jsonOutput()) {
            console().json(result);
            return;
        }
        console().data(result.taskArn() + " " + result.lastStatus() + (result.ec2InstanceId() == null ? "" : " " + result.ec2InstanceId()));
        if ("RUNNING".equals(result.lastStatus())) {
            console().success("task is RUNNING (it has not stopped yet, so it has no exit code)");
            console().nextSteps("mysfits task list " + service.name(), "mysfits task stop " + service.name() + " "
                    + result.taskArn().substring(result.taskArn().lastIndexOf('/') + 1));
        } else {
            console().success("task stopped: " + result.stoppedReason() + ", exit codes " + result.exitCodes());
        }
    }
}
