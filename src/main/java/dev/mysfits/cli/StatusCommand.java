package dev.mysfits.cli;

import dev.mysfits.console.StatusRenderer;
import dev.mysfits.workflow.status.StatusRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the deployed services: revision, image, counts, rollout, URL, then each task and its target's health.")
public final class StatusCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "One service (default: all of mysfits.json's).")
    String service;

    @Override
    protected void execute() {
        new StatusRenderer(console()).render(context().workflows().status().execute(new StatusRequest(context().workshop(), service)));
    }
}
