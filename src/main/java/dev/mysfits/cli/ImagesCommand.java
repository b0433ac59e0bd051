package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.InventoryRenderer;
import dev.mysfits.workflow.inventory.ImagesRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"Show each service's images side by side: the local tags (as `docker images` lists them) and what its "
                + "ECR repository holds (as `aws ecr describe-images` lists it: tag, digest, pushed at, size).",
                "The last column says, per tag: pushed (ECR has this very image), not pushed, differs (ECR has the tag on "
                        + "another image: rebuilt since the push), or only in ECR. A repository not made yet means nothing is pushed."})
final class ImagesCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "One service (default: all of mysfits.json's).")
    String service;

    @Override
    protected void execute() {
        WorkshopConfig workshop = context().workshop();
        if (service != null) {
            workshop.service(service); // an unknown name is a usage error before the AWS adapters ask for a region
        }
        new InventoryRenderer(console()).render(context().workflows().images().execute(new ImagesRequest(workshop, service)));
    }
}
