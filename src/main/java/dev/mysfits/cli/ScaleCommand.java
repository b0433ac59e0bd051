package dev.mysfits.cli;

import dev.mysfits.console.ScaleRenderer;
import dev.mysfits.workflow.scale.ScaleRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scale", mixinStandardHelpOptions = true, description = "Set a deployed service's number of tasks and wait until it is stable.")
public final class ScaleCommand extends ServiceChangeCommand {
    @Option(names = "--count", required = true, paramLabel = "N", description = "Desired number of tasks.")
    int count;

    @Mixin
    RolloutWaitOptions wait;

    @Override
    protected void execute() {
        requireCount(count, 2);
        lockUnlessDryRun();
        new ScaleRenderer(console()).render(context().workflows().scale().execute(new ScaleRequest(context().workshop(),
                service.name(), count, wait.waitForStable(), wait.timeout(), wait.pollInterval(), dryRun.on())));
    }
}
