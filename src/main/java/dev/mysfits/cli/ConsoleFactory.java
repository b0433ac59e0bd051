package dev.mysfits.cli;

import dev.mysfits.console.Console;
import dev.mysfits.core.Environment;
import dev.mysfits.core.GlobalSettings;
import picocli.CommandLine;

/** Builds the console for an invocation; tests supply one that never claims a terminal. */
@FunctionalInterface
public interface ConsoleFactory {
    Console create(CommandLine commandLine, GlobalSettings settings, Environment environment);

    static ConsoleFactory system() {
        return (commandLine, settings, environment) -> {
            boolean terminal = System.console() != null && !"dumb".equals(environment.get("TERM").orElse(""));
            return new Console(commandLine.getOut(), commandLine.getErr(), terminal, settings.color() && terminal,
                    settings.output(), System::currentTimeMillis);
        };
    }

    static ConsoleFactory plain() {
        return (commandLine, settings, environment) -> new Console(commandLine.getOut(), commandLine.getErr(),
                false, false, settings.output(), System::currentTimeMillis);
    }
}
