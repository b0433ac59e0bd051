package dev.mysfits.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.core.Bytes;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.LogEntry;
import dev.mysfits.workflow.Progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a workflow's events on the console, on stderr: a stage as "==> title", a step as one line ("would ..." on
 * a dry run, ✔ made, · up to date), progress as a status line that redraws on a terminal and as throttled plain lines
 * off it. Output the user asked to watch goes to stdout as it comes.
 */
public final class ConsoleEvents implements Events {
    private final Console console;
    private final ObjectMapper compact = new ObjectMapper();

    public ConsoleEvents(Console console) {
        this.console = console;
    }

    @Override
    public void started(String title, boolean dryRun) {
        console.step(dryRun ? title + " (dry run: nothing will change)" : title);
    }

    @Override
    public void finished(Change change, boolean dryRun) {
        if (dryRun) {
            console.info("would " + change.describe());
        } else if (change.action() == Change.Action.CHECK) {
            console.info(console.paint("2", "·") + " checked " + change.resource() + detail(change));
        } else if (change.mutates()) {
            made(pastTense(change));
        } else {
            console.info(console.paint("2", "·") + " " + change.resource() + " is up to date" + detail(change));
        }
    }

    @Override
    public void failed(String step) {
        console.info(console.paint("31", "✘") + " " + step);
    }

    @Override
    public void stage(String title) {
        console.step(title);
    }

    @Override
    public void note(String fact) {
        console.info(fact);
    }

    @Override
    public void made(String what) {
        console.info(console.paint("32", "✔") + " " + what);
    }

    @Override
    public void done(String outcome) {
        console.success(outcome);
    }

    @Override
    public void warn(String warning) {
        console.warn(warning);
    }

    @Override
    public void progress(Progress progress) {
        if (progress instanceof Progress.Waiting w) {
            console.progress(w.key(), w.line());
        } else if (progress instanceof Progress.Ready r) {
            console.progressDone(r.key(), r.line());
        } else if (progress instanceof Progress.Layer layer) {
            String line = layer.layer() + ": " + layer.status() + amount(layer);
            if (layer.finished()) {
                console.progressDone(layer.layer(), line);
            } else {
                console.progress(layer.layer(), line);
            }
        } else if (progress instanceof Progress.BuildStep step) {
            console.progressDone("build-step", step.step());
        } else if (progress instanceof Progress.BuildCached) {
            console.info("  ---> Using cache");
        } else if (progress instanceof Progress.BuildOutput output) {
            console.progress("build-output", "  " + output.line());
        }
    }

    @Override
    public void output(String text) {
        console.stream(text);
    }

    @Override
    public void log(LogEntry entry) {
        if (!console.jsonOutput()) {
            console.data(entry.label() + " | " + entry.message());
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", entry.time().toString());
        line.put("task", entry.task());
        line.put("stream", entry.stream());
        line.put("message", entry.message());
        try {
            // one compact object per line (NDJSON), so `--follow --output json | jq` works as lines arrive
            console.data(compact.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a log line as JSON", e);
        }
    }

    private static String amount(Progress.Layer layer) {
        if (layer.current() == null) {
            return "";
        }
        return " " + Bytes.human(layer.current()) + (layer.total() != null && layer.total() > 0 ? " / " + Bytes.human(layer.total()) : "");
    }

    private static String detail(Change change) {
        return change.detail() == null || change.detail().isBlank() ? "" : " (" + change.detail() + ")";
    }

    private static String pastTense(Change change) {
        String verb = switch (change.action()) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case NONE -> "kept";
            case CHECK -> "checked";
            case REUSE -> "reused";
        };
        return verb + " " + change.resource() + detail(change);
    }
}
