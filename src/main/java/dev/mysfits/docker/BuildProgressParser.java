package dev.mysfits.docker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the classic builder's stream ("Step 3/7 : RUN ...", " ---> Using cache", command output) into step
 * events, counts cached steps and keeps the last lines of the current step's output for error reports.
 * Stream items may split lines anywhere, so text is buffered up to each newline.
 */
public final class BuildProgressParser {
    public static final int TAIL_LINES = 15;
    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
    private static final Pattern NOISE = Pattern.compile(
            "^( ---> .*|Removing intermediate container .*|Successfully built .*|Successfully tagged .*|\\s*)$");

    private final BuildListener listener;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();
    private BuildStep current;
    private int cachedSteps;
    private int totalSteps;

    public BuildProgressParser(BuildListener listener) {
        this.listener = listener;
    }

    public void accept(String streamText) {
        if (streamText == null || streamText.isEmpty()) {
            return;
        }
        partial.append(streamText);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            line(stripCarriageReturns(line));
        }
    }

    /** Flushes a last line that had no newline. */
    public void finish() {
        if (!partial.isEmpty()) {
            String line = partial.toString();
            partial.setLength(0);
            line(stripCarriageReturns(line));
        }
    }

    private void line(String line) {
        Matcher step = STEP.matcher(line);
        if (step.matches()) {
            current = new BuildStep(Integer.parseInt(step.group(1)), Integer.parseInt(step.group(2)), step.group(3).strip());
            totalSteps = current.total();
            tail.clear();
            listener.stepStarted(current);
        } else if (line.strip().equals("---> Using cache")) {
            if (current != null) {
                cachedSteps++;
                listener.stepCached(current);
            }
        } else if (!NOISE.matcher(line).matches()) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
            listener.output(line);
        }
    }

    /** Progress bars (apt, curl) redraw with \r: keep the last state of the line. */
    private static String stripCarriageReturns(String line) {
        String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int cr = trimmed.lastIndexOf('\r');
        return cr >= 0 ? trimmed.substring(cr + 1) : trimmed;
    }

    /** The step running now, or null before the first step (e.g. a Dockerfile parse error). */
    public BuildStep currentStep() {
        return current;
    }

    public int cachedSteps() {
        return cachedSteps;
    }

    public int totalSteps() {
        return totalSteps;
    }

    public List<String> tail() {
        return List.copyOf(tail);
    }
}
