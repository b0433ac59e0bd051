package dev.mysfits.cli;

import dev.mysfits.console.DeployRenderer;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.workflow.deploy.DeployRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy a pushed service to ECS behind the workshop's load balancer.",
                "Registers a task-definition revision only when the template's result changed, creates or reuses the "
                        + "target group, routes the listener (default action, or a path rule with --path), creates or "
                        + "updates the service and waits until it is stable. Prints the URL.",
                "Fargate tasks run in the load balancer's public subnets with a public IP; --private (or \"private\": true "
                        + "in mysfits.json) runs them in the private subnets setup was given, without one, and moves an "
                        + "existing service there (a new deployment)."})
public final class DeployCommand extends ServiceChangeCommand {
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

    @Option(names = "--strategy", paramLabel = "STRATEGY", converter = StrategyConverter.class,
            completionCandidates = StrategyConverter.Names.class,
            description = "How ECS rolls the new revision out: rolling, blue-green, canary or linear (default: the "
                    + "service's \"deployment\" in mysfits.json, else rolling). The last three run it beside the old "
                    + "one behind a second target group and shift the listener's traffic to it: all at once, a canary "
                    + "share first, or in steps; they bake, and roll back on failed tasks or alarms.")
    DeploymentStrategy.Kind strategy;

    @Mixin
    RolloutWaitOptions wait;

    @Override
    protected void execute() {
        requireCount(count, 1);
        DeployRequest request = new DeployRequest(context().workshop(), service.name(), launchType.launchType(), tag, count, path,
                wait.waitForStable(), wait.timeout(), wait.pollInterval(), dryRun.on(), network == null ? null : network.privateTasks(),
                strategy);
        lockUnlessDryRun();
        new DeployRenderer(console()).render(request, context().workflows().deploy().execute(request));
    }
}
