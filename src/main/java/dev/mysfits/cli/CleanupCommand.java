package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.CleanupRenderer;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.cleanup.CleanupRequest;
import dev.mysfits.workflow.cleanup.CleanupResult;
import dev.mysfits.workflow.cleanup.LocalCleanupRequest;
import dev.mysfits.workflow.cleanup.LocalCleanupResult;
import dev.mysfits.workflow.cleanup.ResourcesLeftException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "cleanup",
        description = {
                "Delete what mysfits created for this workshop, in dependency order, and prove it: ends with "
                        + "\"nothing left\" or the list of leftovers (exit 1).",
                "Finds resources in the ledger (.mysfits/ledger.json) and by the mysfits:workshop tag; never touches "
                        + "anything else. Asks before deleting; without a terminal it needs --yes.",
                "With service names, deletes only those services' resources (service, rule, target group, log group, "
                        + "repository, task definitions) and keeps the shared infrastructure."},
        mixinStandardHelpOptions = true)
public final class CleanupCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "SERVICE", description = "Only these services (default: everything).")
    List<String> services = new ArrayList<>();

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    boolean yes;

    @Option(names = "--keep-images", description = "Keep the ECR repositories and their images.")
    boolean keepImages;

    @Option(names = "--keep-infra", description = "Keep the shared infrastructure: cluster, load balancer, listener, security groups, roles, DynamoDB tables (and their items).")
    boolean keepInfra;

    @Option(names = "--local", description = "Instead: remove the local containers, images and networks that build, run and up made "
            + "(an image up only pulled stays).")
    boolean local;

    @Option(names = "--volumes", description = "With --local: also remove the workshop's volumes and the data in them.")
    boolean volumes;

    @Override
    protected void execute() throws Exception {
        AppContext context = context();
        WorkshopConfig workshop = context.workshop();
        if (volumes && !local) {
            throw MysfitsException.usage("--volumes goes with --local", "run 'mysfits cleanup --local --volumes'");
        }
        if (local) {
            if (!services.isEmpty() || keepImages || keepInfra) {
                throw MysfitsException.usage("cleanup --local takes no service names, --keep-images or --keep-infra",
                        "run 'mysfits cleanup --local' for the local resources, 'mysfits cleanup ...' for AWS");
            }
            CleanupRenderer renderer = new CleanupRenderer(console());
            try {
                renderer.render(context.workflows().localCleanup().execute(LocalCleanupRequest.of(workshop, dryRun.on(), yes, volumes)));
            } catch (ResourcesLeftException left) {
                renderer.render((LocalCleanupResult) left.result());
                throw left;
            }
            return;
        }
        if (!dryRun.on()) {
            context.lockWorkshop("cleanup" + (services.isEmpty() ? "" : " " + String.join(" ", services)));
        }
        CleanupRenderer renderer = new CleanupRenderer(console());
        try {
            renderer.render(context.workflows().cleanup().execute(new CleanupRequest(workshop.name(), workshop.services().keySet(), services, dryRun.on(), yes, keepImages, keepInfra)));
        } catch (ResourcesLeftException left) {
            renderer.render((CleanupResult) left.result());
            throw left;
        }
    }
}
