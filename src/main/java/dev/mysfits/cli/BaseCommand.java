package dev.mysfits.cli;

import dev.mysfits.console.Console;
import dev.mysfits.core.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A subcommand: parses its options, then {@link #execute()} builds a request and calls one workflow.
 * Exceptions go to the central handler; success returns 0, or the code the command gave {@link #exitWith}.
 */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    private ExitCode exitCode = ExitCode.OK;

    protected final AppContext context() {
        return ((MysfitsCommand) spec.root().userObject()).context();
    }

    protected final Console console() {
        return context().console();
    }

    @Override
    public final Integer call() throws Exception {
        execute();
        return exitCode.code();
    }

    /**
     * The exit code of a command whose answer is also its exit code, with no error (diff: 1 when deploy would change
     * something), for scripts to ask.
     */
    protected final void exitWith(ExitCode code) {
        this.exitCode = code;
    }

    protected abstract void execute() throws Exception;
}
