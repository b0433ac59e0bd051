package dev.mysfits.console;

import dev.mysfits.workflow.revisions.RevisionsResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What revisions answers on stdout: one row per task-definition revision, newest first (or the result as JSON), then
 * what to do next.
 */
public final class RevisionsRenderer {
    /** Deployments shown per revision in the table; JSON has them all. */
    private static final int DEPLOYMENTS_SHOWN = 3;

    private final Console console;

    public RevisionsRenderer(Console console) {
        this.console = console;
    }

    public void render(RevisionsResult result) {
        if (console.jsonOutput()) {
            console.json(result);
        } else {
            Table table = new Table("REVISION", "REGISTERED", "IMAGE", "DIGEST", "NOW", "DEPLOYMENTS");
            for (RevisionsResult.Revision r : result.revisions()) {
                table.row(r.name(), time(r.registeredAt()),
                        r.images().isEmpty() ? null : r.images().stream().map(i -> repository(i.image())).collect(Collectors.joining(",")),
                        r.images().stream().anyMatch(i -> i.digest() != null)
                                ? r.images().stream().map(i -> shortDigest(i.digest())).collect(Collectors.joining(",")) : null,
                        r.state(), deployments(r.deployments()));
            }
            console.data(table.render());
        }
        String other = result.revisions().stream().filter(r -> r.state() == null).map(r -> String.valueOf(r.revision()))
                .findFirst().orElse(null);
        boolean rollingOut = result.revisions().stream().anyMatch(r -> "rolling out".equals(r.state()));
        if (result.deployed() && rollingOut) {
            console.nextSteps("mysfits status " + result.service(), "mysfits rollback " + result.service() + " --stop");
        } else if (result.deployed() && other != null) {
            console.nextSteps("mysfits rollback " + result.service(), "mysfits rollback " + result.service() + " --to " + other);
        } else if (!result.deployed()) {
            console.nextSteps("mysfits deploy " + result.service() + " --fargate");
        }
    }

    /** "SUCCESSFUL 2026-12-07T05:40:01Z, ROLLBACK_SUCCESSFUL ...", newest first; none is "never served". */
    private static String deployments(List<RevisionsResult.DeploymentUse> uses) {
        if (uses.isEmpty()) {
            return "never served";
        }
        String shown = uses.stream().limit(DEPLOYMENTS_SHOWN)
                .map(u -> u.status() + " " + time(u.finishedAt() != null ? u.finishedAt() : u.createdAt()))
                .collect(Collectors.joining(", "));
        return uses.size() > DEPLOYMENTS_SHOWN ? shown + " (+" + (uses.size() - DEPLOYMENTS_SHOWN) + " more)" : shown;
    }

    /** The repository and tag without the registry's host or the digest: "ws/monolith", "ws/monolith:v2". */
    static String repository(String image) {
        if (image == null) {
            return "-";
        }
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                name = name.substring(slash + 1);
            }
        }
        return name;
    }

    /** "sha256:" and the first 12 hex digits, as `docker images` shows an id. */
    static String shortDigest(String digest) {
        if (digest == null) {
            return "-";
        }
        return digest.startsWith("sha256:") && digest.length() > 19 ? digest.substring(0, 19) : digest;
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
