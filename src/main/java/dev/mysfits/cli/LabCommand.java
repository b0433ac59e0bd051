package dev.mysfits.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Parent of the lab commands. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"The workshop labs, step by step: list them, show a lab's steps, check what you did, or run a lab.",
                "A check only looks (at HTTP answers, services, images, containers, logs, resources and files), so it checks "
                        + "a step however it was done: with mysfits, the docker and aws CLIs, or the console. The labs are "
                        + "the files in labs/; each step's last check is kept beside the lab's workshop (.mysfits/labs.json)."},
        subcommands = {LabListCommand.class, LabShowCommand.class, LabCheckCommand.class, LabRunCommand.class})
public final class LabCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use 'mysfits lab list|show|check|run'");
    }
}
