package dev.mysfits.cli;

import dev.mysfits.console.AutoscaleRenderer;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.autoscale.AutoscaleRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "autoscale", mixinStandardHelpOptions = true,
        description = {
                "Scale a deployed service automatically on CPU (Application Auto Scaling target tracking on its desired count).",
                "Running it again with the same values changes nothing; --off removes the policy and the scalable target."
        })
public final class AutoscaleCommand extends ServiceChangeCommand {
    @Option(names = "--min", paramLabel = "N", description = "Fewest tasks (0 or more).")
    Integer min;

    @Option(names = "--max", paramLabel = "N", description = "Most tasks (at least --min).")
    Integer max;

    @Option(names = "--cpu-target", paramLabel = "PERCENT", description = "Average CPU to hold, 1 to 100 (default: 50).")
    Integer cpuTarget;

    @Option(names = "--off", description = "Turn autoscaling off: delete the policy, deregister the target (the task count stays).")
    boolean off;

    @Override
    protected void execute() {
        if (off && (min != null || max != null || cpuTarget != null)) {
            throw MysfitsException.usage("--off takes no --min, --max or --cpu-target", "pass either --off or the bounds");
        }
        if (!off && (min == null || max == null)) {
            throw MysfitsException.usage("autoscale needs --min and --max (or --off)",
                    "e.g. mysfits autoscale " + service.name() + " --min 1 --max 4 --cpu-target 50");
        }
        AppContext app = context();
        app.workshop().service(service.name());
        AutoscaleRequest request = new AutoscaleRequest(new ResourceNames(app.workshop().name()), service.name(),
                off ? 0 : min, off ? 0 : max, cpuTarget == null ? 50 : cpuTarget, off, dryRun.on());
        lockUnlessDryRun();
        new AutoscaleRenderer(console()).render(app.workflows().autoscale().execute(request), dryRun.on());
    }
}
