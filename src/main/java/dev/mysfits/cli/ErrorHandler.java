package dev.mysfits.cli;

import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.List;
import java.io.StringWriter;

/**
 * The one place that turns exceptions into an error line, a hint line and an exit code.
 * Stack traces only with --debug.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final MysfitsCommand root;

    ErrorHandler(MysfitsCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        Console console = root.console();
        if (exception instanceof MysfitsException e) {
            console.error(e.getMessage(), e.hint());
            debugTrace(console, e);
            return e.exitCode().code();
        }
        if (exception instanceof InterruptedException || hasInterrupt(exception)) {
            console.error("interrupted", "run the same command again: every step looks before it acts, so it resumes");
            return ExitCode.INTERRUPTED.code();
        }
        console.error("unexpected " + exception.getClass().getSimpleName() + ": " + exception.getMessage(),
                root.debug() ? "this is a bug in mysfits; please report it with the trace above"
                        : "run again with --debug for the details, and report it as a bug");
        debugTrace(console, exception);
        return ExitCode.FAILED.code();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // The same two lines as every other error: what was wrong, then what to do.
        err.println("Error: " + String.valueOf(ex.getMessage()).strip().replaceFirst("^Error: ", "").replaceAll("\\s*\\R\\s*", " "));
        List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException unmatched
                ? unmatched.getSuggestions() : List.of();
        String help = "Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options";
        err.println("Hint: " + (suggestions.isEmpty() ? help : "did you mean " + String.join(" or ", suggestions) + "? " + help));
        err.flush();
        return ExitCode.USAGE.code();
    }

    private void debugTrace(Console console, Throwable e) {
        if (root.debug()) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            console.debug(trace.toString());
        }
    }

    private static boolean hasInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
