package dev.mysfits.console;

import dev.mysfits.core.Change;
import dev.mysfits.workflow.setup.SetupResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** What setup answers: the load balancer's URL (or its state as JSON), a dry run's plan as JSON, and what to run next. */
public final class SetupRenderer {
    private final Console console;

    public SetupRenderer(Console console) {
        this.console = console;
    }

    /**
     * @param workshop     the workshop's name
     * @param firstService the service to deploy first, for the next step
     * @param ec2          setup made EC2 capacity: the next deploy is on EC2
     */
    public void render(SetupResult result, String workshop, String firstService, boolean ec2) {
        if (result.dryRun()) {
            if (console.jsonOutput()) {
                console.json(Map.of("dryRun", true, "changes", result.changes().stream().map(SetupRenderer::change).toList()));
            }
            long count = result.changes().stream().filter(Change::mutates).count();
            console.success(count == 0 ? "dry run: everything is up to date" : "dry run: " + count + " change(s) planned, nothing changed");
            return;
        }
        if (result.changed()) {
            long count = result.changes().stream().filter(Change::mutates).count();
            console.success("workshop " + workshop + " is set up (" + count + " change(s))");
        } else {
            console.success("everything is up to date: nothing changed");
        }
        if (console.jsonOutput()) {
            console.json(result.state());
        } else {
            console.data(result.state().url());
        }
        console.nextSteps("mysfits deploy " + firstService + (ec2 ? " --ec2" : " --fargate")
                + (ec2 || result.state().privateSubnetIds().isEmpty() ? "" : " [--private]"));
    }

    private static Map<String, String> change(Change change) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("action", change.action().verb());
        map.put("resource", change.resource());
        map.put("detail", change.detail() == null ? "" : change.detail());
        return map;
    }
}
