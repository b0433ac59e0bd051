package dev.mysfits.cli;

import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.infrastructure.ServiceAdapters;
import dev.mysfits.workflow.scale.ScaleRequest;
import dev.mysfits.workflow.scale.ScaleResult;
import dev.mysfits.workflow.scale.ScaleWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;

@Command(name = "scale", mixinStandardHelpOptions = true, description = "Set a deployed service's number of tasks and wait until it is stable.")
public final class ScaleCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = "--count", required = true, paramLabel = "N", description = "Desired number of tasks.")
    int count;

    @Mixin
    RolloutWaitOptions wait;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Override
    protected void execute() {
        if (count < 0) {
            throw MysfitsException.usage("--count must be 0 or more, got " + count, "pass --count 2");
        }
        AppContext app = context();
        if (!dryRun.on()) {
            app.lockWorkshop("scale " + service.name());
        }
        ServiceAdapters adapters = ServiceAdapters.from(app.aws(), app.workshop(), app.ledger());
        ScaleResult result = new ScaleWorkflow(adapters.containers(), adapters.router(), adapters.infrastructure(), events(),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()))
                .execute(new ScaleRequest(app.workshop(), service.name(), count, wait.waitForStable(), wait.timeout, wait.pollInterval, dryRun.on()));
        if (console().jsonOutput()) {
            console().json(result);
        } else {
            console().data(result.service() + " " + result.running() + "/" + result.desired());
        }
        console().nextSteps("mysfits status " + service.name());
    }
}
