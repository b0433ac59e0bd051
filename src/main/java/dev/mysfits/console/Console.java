package dev.mysfits.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mysfits.core.OutputFormat;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The only place that writes to the terminal. Data goes to stdout; progress, warnings and errors to stderr.
 * On a terminal, progress redraws one status line; otherwise it prints plain lines, throttled per key,
 * so logs of CI runs stay readable.
 */
public final class Console {
    private static final long PLAIN_PROGRESS_INTERVAL_MILLIS = 2_000;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean rich;
    private final boolean color;
    private final OutputFormat format;
    private final LongSupplier clock;
    private final ObjectMapper json;
    private final Map<String, Long> lastPlainProgress = new HashMap<>();
    private final Map<String, String> lastPlainLine = new HashMap<>();
    private boolean statusLineShown;

    private String lastStep;

    public Console(PrintWriter out, PrintWriter err, boolean rich, boolean color, OutputFormat format, LongSupplier clock) {
        this.out = out;
        this.err = err;
        this.rich = rich;
        this.color = color;
        this.format = format;
        this.clock = clock;
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public OutputFormat format() {
        return format;
    }

    public boolean jsonOutput() {
        return format == OutputFormat.JSON;
    }

    public boolean isRich() {
        return rich;
    }

    /** A line of data on stdout (text mode). */
    public synchronized void data(String line) {
        clearStatusLine();
        out.println(line);
        out.flush();
    }

    /** A value as JSON on stdout. */
    public synchronized void json(Object value) {
        clearStatusLine();
        try {
            out.println(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON output", e);
        }
        out.flush();
    }

    /** The start of a named step: "==> Building monolith". */
    public synchronized void step(String message) {
        lastStep = message;
        line(paint("1;34", "==>") + " " + paint("1", message));
    }

    /** The step in progress, for saying what an interrupt stopped; null before the first. */
    public synchronized String lastStep() {
        return lastStep;
    }

    public synchronized void info(String message) {
        line("    " + message);
    }

    public synchronized void success(String message) {
        line(paint("32", "✔") + " " + message);
    }

    public synchronized void warn(String message) {
        line(paint("33", "Warning:") + " " + message);
    }

    public synchronized void error(String message, String hint) {
        line(paint("1;31", "Error:") + " " + message);
        if (hint != null && !hint.isBlank()) {
            line(paint("2", "Hint: " + hint));
        }
    }

    /** A debug line: only called when --debug is on. */
    public synchronized void debug(String message) {
        line(paint("2", "debug: " + message));
    }

    /** Recommended next commands, after a success. */
    public synchronized void nextSteps(String... commands) {
        if (commands.length == 0) {
            return;
        }
        line("");
        line("Next:");
        for (String command : commands) {
            line("  " + paint("36", command));
        }
    }

    /**
     * Progress of long work. On a terminal it redraws one status line; in plain mode it prints the line for a key
     * when it first appears, and then at most every two seconds, so a push of ten layers does not print thousands of lines.
     */
    public synchronized void progress(String key, String line) {
        if (rich) {
            err.print("\r\033[2K" + truncate(line, 150));
            err.flush();
            statusLineShown = true;
            return;
        }
        long now = clock.getAsLong();
        Long last = lastPlainProgress.get(key);
        if (line.equals(lastPlainLine.get(key))) {
            return;
        }
        if (last == null || now - last >= PLAIN_PROGRESS_INTERVAL_MILLIS) {
            lastPlainProgress.put(key, now);
            lastPlainLine.put(key, line);
            err.println("    " + line);
            err.flush();
        }
    }

    /** A progress line that always shows, e.g. a layer finished. */
    public synchronized void progressDone(String key, String line) {
        lastPlainLine.put(key, line);
        line("    " + line);
    }

    /** Raw output of something the user asked to watch (container logs): stdout, as is. */
    public synchronized void stream(String text) {
        clearStatusLine();
        out.print(text);
        out.flush();
    }

    public synchronized void clearStatusLine() {
        if (statusLineShown) {
            err.print("\r\033[2K");
            err.flush();
            statusLineShown = false;
        }
    }

    private void line(String text) {
        clearStatusLine();
        err.println(text);
        err.flush();
    }

    public String paint(String sgr, String text) {
        return color ? "\033[" + sgr + "m" + text + "\033[0m" : text;
    }

    private static String truncate(String line, int max) {
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    public PrintWriter err() {
        return err;
    }

    public PrintWriter out() {
        return out;
    }
}
