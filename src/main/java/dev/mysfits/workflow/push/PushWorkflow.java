package dev.mysfits.workflow.push;

import dev.mysfits.workflow.Workflow;
import dev.mysfits.core.EcrRepositoryName;
import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ImagePusher;
import dev.mysfits.docker.LocalImage;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.StepRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * mysfits push: checks the input and the local image first (no AWS call until both are right), then ensures the
 * ECR repository and pushes every tag with a fresh token. ECR lists what the registry received: a push needs no
 * PutImage.
 */
public final class PushWorkflow implements Workflow<PushRequest, PushResult> {
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    static final String DEFAULT_TAG = "latest";

    private final Events events;
    private final Ledger ledger;
    private final ImageRegistry registry;
    private final ImagePusher pusher;

    public PushWorkflow(Events events, Ledger ledger, ImageRegistry registry, ImagePusher pusher) {
        this.events = events;
        this.ledger = ledger;
        this.registry = registry;
        this.pusher = pusher;
    }

    @Override
    public PushResult execute(PushRequest request) {
        boolean dryRun = request.dryRun();
        EcrRepositoryName.validate(request.repository(),
                "\"repository\" of service " + request.service() + " in mysfits.json, or pass --repository");
        request.tags().forEach(PushWorkflow::validateTag);
        List<String> tags = new ArrayList<>();
        LocalImage image = localImage(request, tags);

        PushContext context = new PushContext(request, image, tags);
        new StepRunner<>("Pushing " + request.service() + " to ECR repository " + request.repository(), events, List.of(
                new EnsureRepositoryStep(registry, ledger),
                new PushImageStep(registry, pusher, events)))
                .execute(context, dryRun);
        return new PushResult(request.service(),
                context.repository == null ? null : context.repository.uri(),
                context.digest, context.tags,
                context.tally.pushed(), context.tally.existing(), context.tally.bytesPushed());
    }

    /** The local image to push, and (into tags) which of its tags: those asked for, or all that image:latest carries. */
    private LocalImage localImage(PushRequest request, List<String> tags) {
        List<String> wanted = request.tags().isEmpty() ? List.of(DEFAULT_TAG) : request.tags();
        LocalImage first = null;
        for (String tag : wanted) {
            String reference = request.image() + ":" + tag;
            LocalImage found = pusher.findLocalImage(reference).orElseThrow(() -> MysfitsException.precondition(
                    "local image " + reference + " not found: nothing to push",
                    "run mysfits build " + request.service() + (DEFAULT_TAG.equals(tag) ? "" : " --tag " + tag) + " first"));
            if (first != null && !first.id().equals(found.id())) {
                throw MysfitsException.usage("tags " + String.join(", ", wanted) + " of " + request.image()
                        + " name different images", "push them one at a time with a single --tag");
            }
            first = found;
        }
        if (request.tags().isEmpty()) {
            tags.add(DEFAULT_TAG);
            String prefix = request.image() + ":";
            first.repoTags().stream()
                    .filter(t -> t.startsWith(prefix))
                    .map(t -> t.substring(prefix.length()))
                    .filter(t -> !t.equals(DEFAULT_TAG))
                    .sorted()
                    .forEach(tags::add);
        } else {
            wanted.stream().distinct().forEach(tags::add);
        }
        return first;
    }

    private static void validateTag(String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw MysfitsException.usage("tag '" + tag + "' is invalid: Docker tags are up to 128 letters, digits,"
                    + " '_', '.' and '-', not starting with '.' or '-'", "pass --tag like v1 or 3f9c2ab");
        }
    }
}
