package dev.mysfits.cli;

import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.autoscale.AutoscaleRequest;
import dev.mysfits.workflow.autoscale.AutoscaleResult;
import dev.mysfits.workflow.autoscale.AutoscaleWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "autoscale", mixinStandardHelpOptions = true,
        description = {
                "Scale a deployed service automatically on CPU (Application Auto Scaling target tracking on its desired count).",
                "Running it again with the same values changes nothing; --off removes the policy and the scalable target."
        })
public final class AutoscaleCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = "--min", paramLabel = "N", description = "Fewest tasks (0 or more).")
    Integer min;

    @Option(names = "--max", paramLabel = "N", description = "Most tasks (at least --min).")
    Integer max;

    @Option(names = "--cpu-target", paramLabel = "PERCENT", description = "Average CPU to hold, 1 to 100 (default: 50).")
    Integer cpuTarget;

    @Option(names = "--off", description = "Turn autoscaling off: delete the policy, deregister the target (the task count stays).")
    boolean off;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

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
                off ? 0 : min, off ? 0 : max, cpuTarget == null ? 50 : cpuTarget, off, app.aws().region(), dryRun.on());
        if (!dryRun.on()) {
            app.lockWorkshop("autoscale " + service.name());
        }
        AutoscaleResult result = new AutoscaleWorkflow(app.aws().serviceScaler(), app.ledger(), events())
                .execute(request);
        if (console().jsonOutput()) {
            console().json(result);
        } else if (result.enabled()) {
            console().data(service.name() + " autoscales between " + result.min() + " and " + result.max() + " tasks at "
                    + result.cpuTarget() + "% CPU");
        } else {
            console().data(service.name() + " does not autoscale");
        }
        if (!dryRun.on()) {
            console().nextSteps("mysfits status " + service.name());
        }
    }
}
