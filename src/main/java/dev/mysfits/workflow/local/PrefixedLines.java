package dev.mysfits.workflow.local;

import java.util.function.Consumer;

/** Log text arrives in chunks that need not end at a line break: this prefixes whole lines only. */
final class PrefixedLines implements Consumer<String> {
    private final String prefix;
    private final Consumer<String> sink;
    private final StringBuilder partial = new StringBuilder();

    PrefixedLines(String prefix, Consumer<String> sink) {
        this.prefix = prefix;
        this.sink = sink;
    }

    @Override
    public synchronized void accept(String chunk) {
        partial.append(chunk);
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            sink.accept(prefix + partial.substring(0, end + 1));
            partial.delete(0, end + 1);
        }
    }
}
