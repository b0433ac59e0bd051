package dev.mysfits.console;

import dev.mysfits.workflow.inventory.ImagesResult;
import dev.mysfits.workflow.inventory.LocalContainer;
import dev.mysfits.workflow.inventory.PsResult;
import dev.mysfits.workflow.inventory.PushState;
import dev.mysfits.workflow.inventory.ServiceImages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables of `ps` and `images` (or their JSON), and on stderr what an empty answer means and what to do about it.
 */
public final class InventoryRenderer {
    private final Console console;

    public InventoryRenderer(Console console) {
        this.console = console;
    }

    public void render(PsResult result) {
        List<LocalContainer> containers = result.containers();
        if (containers.isEmpty()) {
            console.info("no local containers of workshop " + result.workshop()
                    + ": mysfits run <service> or mysfits up starts them");
        }
        if (console.jsonOutput()) {
            console.json(containers);
            return;
        }
        if (containers.isEmpty()) {
            return;
        }
        Table table = new Table("SERVICE", "CONTAINER", "IMAGE", "STATUS", "PORTS", "URL");
        for (LocalContainer c : containers) {
            table.row(c.service(), c.container(), shortImage(c.image()), c.status(), c.ports().isEmpty() ? null : String.join(", ", c.ports()), c.url());
        }
        console.data(table.render());
    }

    public void render(ImagesResult result) {
        List<ServiceImages> all = result.services();
        List<String> toPush = new ArrayList<>();
        for (ServiceImages s : all) {
            if (s.tags().isEmpty()) {
                console.info(s.service() + ": no local image " + s.image() + ", and " + (s.repositoryExists()
                        ? "ECR repository " + s.repository() + " is empty" : "no ECR repository " + s.repository() + " yet")
                        + ": mysfits build " + s.service() + " makes one");
            } else if (!s.repositoryExists()) {
                console.info(s.service() + ": no ECR repository " + s.repository() + " yet, so nothing is pushed");
            }
            if (s.tags().stream().anyMatch(t -> t.state() == PushState.NOT_PUSHED || t.state() == PushState.DIFFERS)) {
                toPush.add("mysfits push " + s.service());
            }
        }
        if (console.jsonOutput()) {
            console.json(all);
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
            console.data(table.render());
        }
        console.nextSteps(toPush.toArray(String[]::new));
    }

    /** An image whose tag has moved on shows as its id: 12 hex digits, as `docker ps` prints it. */
    private static String shortImage(String image) {
        return image != null && image.startsWith("sha256:") && image.length() > 19 ? image.substring(7, 19) : image;
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
