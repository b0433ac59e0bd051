package dev.mysfits.cli;

import dev.mysfits.console.LocalRenderer;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.workflow.local.RunImageRequest;
import dev.mysfits.workflow.local.RunImageResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "run-image",
        description = {
                "Run an image once, in the foreground, and remove its container: `docker container run --rm IMAGE [COMMAND...]`, "
                        + "as the 004 lab runs rxmllc/hello to try the engine. Needs no workshop file.",
                "Pulls the image first when the engine does not have it, layer by layer, with ECR's login for an image in the "
                        + "account's registry. The container's output goes to stdout as it comes; a container that exits "
                        + "non-zero ends in exit 1, naming its code."
        },
        footer = {"", "Options go before IMAGE: everything after it is the container's command, as with docker run."},
        mixinStandardHelpOptions = true)
final class RunImageCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image: [registry/]name[:tag] (default tag: latest).")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*",
            description = "The command and its arguments, instead of the image's own CMD.")
    List<String> command = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "An environment variable. Repeatable.")
    Map<String, String> environment = new LinkedHashMap<>();

    @Override
    protected void execute() {
        // With --output json the container's output goes into the one JSON object, not out as it comes.
        RunImageResult result = context().workflows().runImage()
                .execute(new RunImageRequest(image, command, environment, console().jsonOutput()));
        new LocalRenderer(console()).render(result);
        if (result.exitCode() != 0) {
            throw MysfitsException.failed(result.image() + " exited with code " + result.exitCode(),
                    "its output is above (\"output\" with --output json); the engine removed its container", null);
        }
    }
}
