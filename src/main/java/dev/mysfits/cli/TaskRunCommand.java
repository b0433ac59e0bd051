package dev.mysfits.cli;

import dev.mysfits.console.TaskRenderer;
import dev.mysfits.workflow.task.RunTaskRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    TaskWaitOptions wait;

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
    protected void execute() {
        AppContext app = context();
        app.workshop().service(service.name());
        app.lockWorkshop("task run " + service.name());
        // task run polls every 3 s unless --poll-interval says otherwise
        new TaskRenderer(console()).render(app.workflows().runTask().execute(new RunTaskRequest(app.workshop(), service.name(),
                launchType == null ? null : launchType.launchType(), wait.timeout(), wait.pollInterval(Duration.ofSeconds(3)),
                environment, untilStopped, tag)));
    }
}
