package dev.mysfits.cli;

import dev.mysfits.console.Console;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A subcommand: parses its options, then {@link #execute()} builds a request and calls one workflow.
 * Exceptions go to the central handler; success returns 0.
 */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected final AppContext context() {
        return ((MysfitsCommand) spec.root().userObject()).context();
    }

    protected final Console console() {
        return context().console();
    }

    @Override
    public final Integer call() throws Exception {
        execute();
        return 0;
    }

    protected abstract void execute() throws Exception;
}
