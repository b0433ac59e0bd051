package dev.mysfits.cli;

import dev.mysfits.console.RevisionsRenderer;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.revisions.RevisionsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "revisions", mixinStandardHelpOptions = true,
        description = {"List the service's task-definition revisions, newest first.",
                "Each with its image and digest, when it was registered, whether the service runs it now, and the "
                        + "service deployments that deployed it with their outcome (SUCCESSFUL, ROLLBACK_SUCCESSFUL, "
                        + "IN_PROGRESS...), from ECS's deployment history. A table, or JSON."})
public final class RevisionsCommand extends BaseCommand {
    @Mixin
    ServiceParameter service = new ServiceParameter();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "Show at most the N newest revisions (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected void execute() {
        if (limit < 1) {
            throw MysfitsException.usage("--limit must be 1 or more, got " + limit, "pass --limit 10");
        }
        new RevisionsRenderer(console()).render(context().workflows().revisions()
                .execute(new RevisionsRequest(context().workshop(), service.name(), limit)));
    }
}
