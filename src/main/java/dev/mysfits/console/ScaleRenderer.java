package dev.mysfits.console;

import dev.mysfits.workflow.scale.ScaleResult;

/** What scale answers on stdout: "service running/desired" (or the result as JSON), then what to do next. */
public final class ScaleRenderer {
    private final Console console;

    public ScaleRenderer(Console console) {
        this.console = console;
    }

    public void render(ScaleResult result) {
        if (console.jsonOutput()) {
            console.json(result);
        } else {
            console.data(result.service() + " " + result.running() + "/" + result.desired());
        }
        console.nextSteps("mysfits status " + result.service());
    }
}
