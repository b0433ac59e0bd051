package dev.mysfits.workflow.push;

import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.workflow.Events;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ImagePusher;
import dev.mysfits.docker.PushedTag;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/**
 * Logs in with a fresh token, tags the local image for the repository and pushes each tag. Always pushes: the
 * registry skips the layers it has, and says so, which is the cheap way to know the image is complete there.
 */
final class PushImageStep implements Step<PushContext> {
    private final ImageRegistry registry;
    private final ImagePusher pusher;
    private final Events events;

    PushImageStep(ImageRegistry registry, ImagePusher pusher, Events events) {
        this.registry = registry;
        this.pusher = pusher;
        this.events = events;
    }

    @Override
    public String name() {
        return "push image";
    }

    @Override
    public Change plan(PushContext context) {
        String target = context.repository == null ? context.request.repository() : context.repository.uri();
        return Change.update("image " + target + ":" + String.join(",", context.tags),
                "from " + context.request.image() + " " + shortId(context.localImage.id()));
    }

    @Override
    public void apply(PushContext context, Change change) {
        String uri = context.repository.uri();
        context.credentials = registry.authenticate();
        PushLayerEvents printer = new PushLayerEvents(events);
        String source = context.request.image() + ":" + context.tags.get(0);
        for (String tag : context.tags) {
            pusher.tag(source, uri, tag);
            PushedTag result = pusher.push(uri, tag, context.credentials, printer, context.request.timeout());
            if (context.digest != null && !context.digest.equals(result.digest())) {
                throw MysfitsException.failed("push " + uri + ":" + tag + " gave digest " + result.digest()
                        + " but the first tag gave " + context.digest, "push the tags one at a time with --tag", null);
            }
            context.digest = result.digest();
            context.tally.add(result);
        }
        events.note(context.tally.summary());
    }

    private static String shortId(String id) {
        return id.startsWith("sha256:") && id.length() > 19 ? id.substring(0, 19) : id;
    }
}
