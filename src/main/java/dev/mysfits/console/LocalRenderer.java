package dev.mysfits.console;

import dev.mysfits.workflow.local.DownResult;
import dev.mysfits.workflow.local.RunImageResult;
import dev.mysfits.workflow.local.RunResult;
import dev.mysfits.workflow.local.StopResult;
import dev.mysfits.workflow.local.UpResult;

/**
 * What the local-container commands answer on stdout (run, up, run-image, stop, down): where a service answers, as
 * text or JSON, and what to run next. Their progress and a container's own output went out as events.
 */
public final class LocalRenderer {
    private final Console console;

    public LocalRenderer(Console console) {
        this.console = console;
    }

    /** @param follow its logs follow, so the next steps would scroll away */
    public void render(RunResult result, boolean follow) {
        if (console.jsonOutput()) {
            console.json(result);
        } else {
            console.data(result.url());
        }
        if (!follow) {
            console.nextSteps("curl " + result.url(), "mysfits logs " + result.service() + " --local",
                    "mysfits stop " + result.service());
        }
    }

    /** @param follow their logs follow, so the next steps would scroll away */
    public void render(UpResult result, boolean follow) {
        if (console.jsonOutput()) {
            console.json(result.services());
        } else {
            Table table = new Table("SERVICE", "STATE", "URL");
            result.services().forEach(s -> table.row(s.service(), s.state(), s.url() == null ? "(inside the network only)" : s.url()));
            console.data(table.render());
        }
        if (!follow) {
            console.nextSteps("mysfits logs <service> --local", "mysfits down");
        }
    }

    /** The container's output was streamed as text; with --output json it is in the result. */
    public void render(RunImageResult result) {
        if (console.jsonOutput()) {
            console.json(result);
        }
    }

    public void render(StopResult result) {
        if (console.jsonOutput()) {
            console.json(result);
        }
    }

    public void render(DownResult result) {
        if (console.jsonOutput()) {
            console.json(result);
        }
    }
}
