package dev.mysfits.console;

import dev.mysfits.workflow.Confirmation;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Asks on the terminal (System.console()), the question on stderr. No terminal (piped, CI): not interactive,
 * and destructive commands then need --yes. The console supplier is injectable for tests.
 */
public final class TerminalConfirmation implements Confirmation {
    private final Supplier<java.io.Console> terminal;
    private final Console output;

    public TerminalConfirmation(Console output, Supplier<java.io.Console> terminal) {
        this.output = output;
        this.terminal = terminal;
    }

    public static TerminalConfirmation system(Console output) {
        return new TerminalConfirmation(output, System::console);
    }

    @Override
    public boolean interactive() {
        return terminal.get() != null;
    }

    @Override
    public boolean confirm(String question) {
        java.io.Console console = terminal.get();
        if (console == null) {
            return false;
        }
        output.clearStatusLine();
        output.err().print(question);
        output.err().flush();
        String answer = console.readLine();
        return answer != null && (answer.trim().toLowerCase(Locale.ROOT).equals("y")
                || answer.trim().toLowerCase(Locale.ROOT).equals("yes"));
    }
}
