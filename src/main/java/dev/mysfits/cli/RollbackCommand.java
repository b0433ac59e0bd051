package dev.mysfits.cli;

import dev.mysfits.console.RollbackRenderer;
import dev.mysfits.workflow.revisions.RevisionName;
import dev.mysfits.workflow.rollback.RollbackRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Put a deployed service back on an earlier task-definition revision, and wait until it serves.",
                "By default the newest revision that served successfully (a SUCCESSFUL service deployment) other than "
                        + "the one running now; --to names one. Keeps the desired count, follows the rollout as deploy "
                        + "does until the targets are healthy, and fails (exit 1) when the rollback itself fails, e.g. "
                        + "a revision whose tasks crash. Prints the URL.",
                "A service deployment still in progress is refused (exit 3) unless --stop: then ECS stops it with a "
                        + "rollback (StopServiceDeployment), and mysfits waits for ROLLBACK_SUCCESSFUL."})
public final class RollbackCommand extends ServiceChangeCommand {
    @Option(names = "--to", paramLabel = "REVISION",
            description = "Go back to this revision: its number (3), family:number, or its ARN (see: mysfits revisions SERVICE).")
    String to;

    @Option(names = "--stop", description = "Stop the service deployment in progress with a rollback first.")
    boolean stop;

    @Mixin
    RolloutWaitOptions wait;

    @Override
    protected void execute() {
        if (to != null) {
            RevisionName.parse(to, "--to", service.name());
        }
        RollbackRequest request = new RollbackRequest(context().workshop(), service.name(), to, stop, wait.waitForStable(),
                wait.timeout(), wait.pollInterval(), dryRun.on());
        lockUnlessDryRun();
        new RollbackRenderer(console()).render(request, context().workflows().rollback().execute(request));
    }
}
