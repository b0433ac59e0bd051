package dev.mysfits.cli;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.Table;
import dev.mysfits.workflow.inventory.ImagesRequest;
import dev.mysfits.workflow.inventory.ImagesWorkflow;
import dev.mysfits.workflow.inventory.PushState;
import dev.mysfits.workflow.inventory.ServiceImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<ServiceImages> all = new ImagesWorkflow(context().docker().localInventory(), context().aws().repositoryImages())
                .execute(new ImagesRequest(workshop, service));
        List<String> toPush = new ArrayList<>();
        for (ServiceImages s : all) {
            if (s.tags().isEmpty()) {
                console().info(s.service() + ": no local image " + s.image() + ", and " + (s.repositoryExists()
                        ? "ECR repository " + s.repository() + " is empty" : "no ECR repository " + s.repository() + " yet")
                        + ": mysfits build " + s.service() + " makes one");
            } else if (!s.repositoryExists()) {
                console().info(s.service() + ": no ECR repository " + s.repository() + " yet, so nothing is pushed");
            }
            if (s.tags().stream().anyMatch(t -> t.state() == PushState.NOT_PUSHED || t.state() == PushState.DIFFERS)) {
                toPush.add("mysfits push " + s.service());
            }
        }
        if (console().jsonOutput()) {
            console().json(all);
            return;
        }
        Table table = new Table("SERVICE", "TAG", "IMAGE ID", "CREATED", "ECR DIGEST", "PUSHED AT", "ECR SIZE", "ECR");
        boolean any = false;
        for (ServiceImages s : all) {
            for (ServiceImages.Tag t : s.tags()) {
                ServiceImages.Local local = t.local();
                ServiceImages.Ecr ecr = t.ecr();
                table.row(s.service(), t.tag() == null ? "<untagged>" : t.tag(),
                        local == null ? null : shortHash(local.imageId()), local == null ? null : time(local.created()),
                        ecr == null ? null : "sha256:" + shortHash(ecr.digest()), ecr == null ? null : time(ecr.pushedAt()),
                        ecr == null ? null : megabytes(ecr.size()), t.state().text());
                any = true;
            }
        }
        if (any) {
            console().data(table.render());
        }
        console().nextSteps(toPush.toArray(String[]::new));
    }

    /** The first 12 hex digits, as `docker images` shows an id. */
    private static String shortHash(String hash) {
        String hex = hash.startsWith("sha256:") ? hash.substring("sha256:".length()) : hash;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
