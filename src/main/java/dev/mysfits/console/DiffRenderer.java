package dev.mysfits.console;

import dev.mysfits.workflow.diff.DiffRequest;
import dev.mysfits.workflow.diff.DiffResult;

/**
 * What diff answers on stdout: the unified diff, red and green on a terminal, nothing when deploy would change
 * nothing; or the result as JSON. Then, on stderr, the deploy that would apply it.
 */
public final class DiffRenderer {
    private final Console console;

    public DiffRenderer(Console console) {
        this.console = console;
    }

    public void render(DiffRequest request, DiffResult result) {
        if (console.jsonOutput()) {
            console.json(result);
        } else {
            result.diff().lines().forEach(line -> console.data(paint(line)));
        }
        if (result.changed()) {
            console.nextSteps("mysfits deploy " + result.service() + " --" + request.launchType()
                    + (request.tag() == null ? "" : " --tag " + request.tag())
                    + (request.count() == null ? "" : " --count " + request.count())
                    + (request.path() == null ? "" : " --path '" + request.path() + "'")
                    + (request.privateTasks() == null ? "" : request.privateTasks() ? " --private" : " --public")
                    + (request.strategy() == null ? "" : " --strategy " + request.strategy().label()));
        }
    }

    private String paint(String line) {
        if (line.startsWith("--- ") || line.startsWith("+++ ")) {
            return console.paint("1", line);
        }
        if (line.startsWith("@@")) {
            return console.paint("36", line);
        }
        if (line.startsWith("-")) {
            return console.paint("31", line);
        }
        if (line.startsWith("+")) {
            return console.paint("32", line);
        }
        return line;
    }
}
