package dev.mysfits.cli;

import dev.mysfits.core.Sleeper;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.deploy.DeployRequest;
import dev.mysfits.workflow.deploy.DeployResult;
import dev.mysfits.workflow.deploy.DeployWorkflow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy a pushed service to ECS behind the workshop's load balancer.",
                "Registers a task-definition revision only when the template's result changed, creates or reuses the "
                        + "target group, routes the listener (default action, or a path rule with --path), creates or "
                        + "updates the service and waits until it is stable. Prints the URL.",
                "Fargate tasks run in the load balancer's public subnets with a public IP; --private (or \"private\": true "
                        + "in mysfits.json) runs them in the private subnets setup was given, without one, and moves an "
                        + "existing service there (a new deployment)."})
public final class DeployCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @ArgGroup(exclusive = true, multiplicity = "1")
    LaunchTypeOptions launchType;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    TaskNetworkOptions network;

    @Option(names = "--tag", paramLabel = "TAG", description = "Pin the task definition to this image tag. Default: the image that "
            + "'latest' points at now, named by its digest, so each push rolls out.")
    String tag;

    @Option(names = "--count", paramLabel = "N", description = "Desired number of tasks (default: 1 for a new service; an existing service keeps its count).")
    Integer count;

    @Option(names = "--path", paramLabel = "PATTERN", description = "Route this ALB path pattern to the service, e.g. '/mysfits/*/like' (default: the service's path in mysfits.json).")
    String path;

    @Mixin
    RolloutWaitOptions wait;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Override
    protected void execute() {
        if (count != null && count < 0) {
            throw MysfitsException.usage("--count must be 0 or more, got " + count, "pass --count 1");
        }
        AppContext app = context();
        DeployRequest request = new DeployRequest(app.workshop(), service.name(), launchType.launchType(), tag, count, path, wait.waitForStable(), wait.timeout,
                wait.pollInterval, dryRun.on(), network == null ? null : network.privateTasks());
        if (!dryRun.on()) {
            app.lockWorkshop("deploy " + service.name());
        }
        ServiceAdapters adapters = ServiceAdapters.from(app.aws(), app.workshop(), app.ledger());
        DeployResult result = new DeployWorkflow(adapters, app.ledger(), events(), Clock.systemUTC(), Sleeper.system())
                .execute(request);
        if (console().jsonOutput()) {
            console().json(result);
        } else {
            console().data(result.url());
        }
        if (dryRun.on()) {
            console().nextSteps("mysfits deploy " + service.name() + " --" + launchType.launchType() + (path == null ? "" : " --path '" + path + "'"));
        } else {
            console().success(service.name() + " is deployed (revision " + result.revision() + ")" + (!wait.waitForStable() ? ", rolling out" : ""));
            console().nextSteps("mysfits status " + service.name(), "curl " + result.url());
        }
    }
}
