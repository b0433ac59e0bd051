package dev.mysfits.cli;

import dev.mysfits.workflow.Workflows;
import picocli.CommandLine.Command;

/**
 * The training run for the AppCDS archive the ./mysfits launcher keeps (target/mysfits.jsa): loads the classes
 * every real command needs by building all clients and calling endpoints that refuse at once
 * ({@link Workflows#trainClassData()}). Talks to nothing real and changes nothing.
 */
@Command(name = "train-class-data", hidden = true,
        description = "Load the classes commands use, for the launcher's class-data archive. Changes nothing.",
        mixinStandardHelpOptions = true)
final class TrainClassDataCommand extends BaseCommand {
    @Override
    protected void execute() {
        Workflows.trainClassData();
    }
}
