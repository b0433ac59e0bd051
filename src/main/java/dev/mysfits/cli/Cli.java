package dev.mysfits.cli;

import dev.mysfits.core.ExitCode;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Assembles the picocli command line: handlers, exit codes in --help, streams. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine create(MysfitsCommand root) {
        CommandLine commandLine = new CommandLine(root);
        ErrorHandler handler = new ErrorHandler(root);
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Everything after the image is the container's command, options included, as with docker run.
        commandLine.getSubcommands().get("run-image").setStopAtPositional(true);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            exitCodes.put(String.valueOf(code.code()), code.meaning());
        }
        applyExitCodes(commandLine, exitCodes);
        return commandLine;
    }

    /** Runs the command line and always releases clients; never throws. */
    public static int execute(MysfitsCommand root, CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } finally {
            root.close();
        }
    }

    private static void applyExitCodes(CommandLine commandLine, Map<String, String> exitCodes) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            applyExitCodes(sub, exitCodes);
        }
    }
}
