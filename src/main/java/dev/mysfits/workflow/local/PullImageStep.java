package dev.mysfits.workflow.local;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Progress;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ImagePuller;
import dev.mysfits.registry.RegistryCredentials;

import java.time.Duration;
import java.util.Optional;

/**
 * The image of a service nobody builds here (no "context", like the 003 lab's mysql and nginx): pulled when the
 * engine does not have it, with each layer's progress, and ECR's login for an image in the account's registry.
 */
final class PullImageStep {
    static final Duration PULL_TIMEOUT = Duration.ofMinutes(15);

    private final ContainerRunner runner;
    private final ImagePuller puller;
    private final PullLogin login;
    private final Events events;

    PullImageStep(ContainerRunner runner, ImagePuller puller, PullLogin login, Events events) {
        this.runner = runner;
        this.puller = puller;
        this.login = login;
        this.events = events;
    }

    /** The service's image id after the pull. */
    String pull(ServiceConfig service) {
        return pull(LocalServiceSpecs.image(service), " for " + service.name(), " (not on this engine, and it has no build context)",
                "\"image\" of " + service.name() + " in the workshop file", "mysfits up");
    }

    /**
     * The image's id after the pull.
     *
     * @param forWhom    what needs it, for the messages (" for cache"), or ""
     * @param why        why it is pulled, for the progress line
     * @param namedWhere where the user named the image, for the hints
     * @param again      the command to run again
     */
    String pull(String image, String forWhom, String why, String namedWhere, String again) {
        Optional<String> host = ImageReference.registryHost(image);
        RegistryCredentials credentials = host.flatMap(login::forHost).orElse(null);
        events.stage("Pulling " + image + forWhom + why);
        try {
            puller.pull(image, credentials, (layer, status, current, total) -> {
                if (layer == null) {
                    events.note(status);
                } else if (status.equals("Pull complete") || status.equals("Already exists")) {
                    events.progress(new Progress.Layer(layer, status, null, null, true));
                } else if (current != null && total != null && total > 0) {
                    events.progress(new Progress.Layer(layer, status, current, total, false));
                } else {
                    events.progress(new Progress.Layer(layer, status, null, null, false));
                }
            }, PULL_TIMEOUT);
        } catch (ImagePuller.RefusedException e) {
            String registry = host.orElse("Docker Hub");
            if (e.refusal() == ImagePuller.Refusal.UNREACHABLE) {
                throw MysfitsException.failed("cannot pull " + image + forWhom + ": the Docker engine cannot reach "
                                + registry + " (" + e.getMessage() + ")",
                        "check the engine's network and proxy, or push the image to a registry it reaches (e.g. ECR: docker push) "
                                + "and name that in " + namedWhere, e);
            }
            if (e.refusal() == ImagePuller.Refusal.NOT_FOUND) {
                throw MysfitsException.precondition("cannot pull " + image + forWhom + ": " + registry
                                + " has no such image (" + e.getMessage() + ")",
                        "check " + namedWhere + ", or push it first (mysfits push, or docker push)");
            }
            throw MysfitsException.precondition("cannot pull " + image + forWhom + ": " + registry
                            + " refused the login (" + e.getMessage() + ")",
                    host.filter(ImageReference::isEcr).isPresent()
                            ? "use AWS credentials of the account and region that registry belongs to (--profile, --region)"
                            : "log in to it first: docker login " + registry);
        }
        String id = runner.imageId(image).orElseThrow(() -> MysfitsException.failed("pulled " + image + ", but the engine does not list it",
                "run " + again + " again", null));
        events.done("pulled " + image);
        return id;
    }
}
