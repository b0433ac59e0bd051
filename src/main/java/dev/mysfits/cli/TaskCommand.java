package dev.mysfits.cli;

import picocli.CommandLine.Command;

/** Parent of one-off task commands. */
@Command(name = "task", mixinStandardHelpOptions = true, description = "One-off ECS tasks: run one, list them, stop them.",
        subcommands = {TaskRunCommand.class, TaskListCommand.class, TaskStopCommand.class})
public final class TaskCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: use 'mysfits task run|list|stop SERVICE'");
    }
}
