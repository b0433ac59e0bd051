package dev.mysfits.workflow.lab;

import dev.mysfits.aws.ecr.RepositoryImages;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.docker.LocalInventory;
import dev.mysfits.lab.Probe;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A service's image with a tag: in its ECR repository ("ecr"), or on the local engine ("local") under the name
 * `build` gives it or the ECR name `push` tags it with.
 */
public final class ImageProbes implements ProbeEvaluator<Probe.Image> {
    private final Supplier<RepositoryImages> ecr;
    private final Supplier<LocalInventory> local;

    public ImageProbes(Supplier<RepositoryImages> ecr, Supplier<LocalInventory> local) {
        this.ecr = ecr;
        this.local = local;
    }

    @Override
    public String describe(Probe.Image probe, WorkshopConfig workshop) {
        ServiceConfig service = workshop.services().get(probe.service());
        if ("ecr".equals(probe.where())) {
            String repository = service == null ? probe.service() : service.repository();
            return "ECR repository " + repository + " holds tag " + probe.tag();
        }
        String image = service == null ? probe.service() : service.image();
        return "the local engine has image " + image + ":" + probe.tag();
    }

    @Override
    public Optional<String> problem(Probe.Image probe, WorkshopConfig workshop) {
        ServiceConfig service = workshop.service(probe.service());
        if ("ecr".equals(probe.where())) {
            Optional<RepositoryImages.Listing> listing = ecr.get().list(service.repository());
            if (listing.isEmpty()) {
                return Optional.of("no ECR repository " + service.repository());
            }
            List<String> tags = listing.get().images().stream().flatMap(i -> i.tags().stream()).sorted().toList();
            return tags.contains(probe.tag()) ? Optional.empty()
                    : Optional.of(tags.isEmpty() ? service.repository() + " holds no tagged image"
                    : service.repository() + " holds tags " + String.join(", ", tags) + ", not " + probe.tag());
        }
        List<String> references = local.get().images().stream().flatMap(i -> i.repoTags().stream()).toList();
        String wanted = service.image() + ":" + probe.tag();
        String pushed = "/" + service.repository() + ":" + probe.tag();
        if (references.stream().anyMatch(r -> r.equals(wanted) || r.endsWith(pushed) && r.substring(0, r.indexOf('/')).contains("."))) {
            return Optional.empty();
        }
        List<String> tags = references.stream().filter(r -> r.startsWith(service.image() + ":"))
                .map(r -> r.substring(service.image().length() + 1)).sorted().toList();
        return Optional.of(tags.isEmpty() ? "no local image " + service.image()
                : "the local " + service.image() + " has tags " + String.join(", ", tags) + ", not " + probe.tag());
    }
}
