package dev.mysfits.cli;

import dev.mysfits.console.DiffRenderer;
import dev.mysfits.core.DeploymentStrategy;
import dev.mysfits.core.ExitCode;
import dev.mysfits.workflow.diff.DiffRequest;
import dev.mysfits.workflow.diff.DiffResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what deploy would change: the task definition the template renders (as deploy renders it, "
                + "image by digest) and the service settings deploy manages, beside the revision and settings that run.",
                "Compares only what the template and mysfits.json set: environment, CPU and memory, ports, the "
                        + "container's health check, the target group's health check, the route, the network, the "
                        + "deployment strategy, and the desired count when --count is given. Defaults ECS fills in are left out. Prints a unified diff "
                        + "(--- live, +++ template; coloured on a terminal) or, with --output json, the changes by path.",
                "Prints nothing and exits 0 when deploy would change nothing; exits 1 when it would change something "
                        + "(not an error). Changes nothing itself."})
public final class DiffCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @ArgGroup(exclusive = true, multiplicity = "1")
    LaunchTypeOptions launchType;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    TaskNetworkOptions network;

    @Option(names = "--tag", paramLabel = "TAG", description = "Compare with the image of this tag, as deploy --tag would pin it. "
            + "Default: the image that 'latest' points at now, by its digest.")
    String tag;

    @Option(names = "--count", paramLabel = "N", description = "Compare the desired count with N, as deploy --count would set it "
            + "(default: the count is not compared, as deploy keeps it).")
    Integer count;

    @Option(names = "--path", paramLabel = "PATTERN", description = "Compare the route with this ALB path pattern, as deploy --path "
            + "would route it (default: the service's path in mysfits.json).")
    String path;

    @Option(names = "--strategy", paramLabel = "STRATEGY", converter = StrategyConverter.class,
            completionCandidates = StrategyConverter.Names.class,
            description = "Compare with the strategy deploy --strategy would set: rolling, blue-green, canary or linear "
                    + "(default: the service's \"deployment\" in mysfits.json, else rolling).")
    DeploymentStrategy.Kind strategy;

    @Override
    protected void execute() {
        ServiceChangeCommand.requireCount(count, 1);
        DiffRequest request = new DiffRequest(context().workshop(), service.name(), launchType.launchType(), tag, count, path,
                network == null ? null : network.privateTasks(), strategy);
        DiffResult result = context().workflows().diff().execute(request);
        new DiffRenderer(console()).render(request, result);
        if (result.changed()) {
            exitWith(ExitCode.FAILED);
        }
    }
}
