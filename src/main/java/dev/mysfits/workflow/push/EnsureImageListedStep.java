package dev.mysfits.workflow.push;

import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.aws.ecr.RegistryImage;
import dev.mysfits.docker.RegistryManifests;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.List;

/**
 * Checks that the ECR API lists the pushed digest under every tag. Real ECR always does after a push; a registry
 * stand-in (the local sandbox) keeps images apart from the ECR API, so there the manifest is read back from the
 * registry and registered with PutImage, and `aws ecr describe-images` tells the truth in both places.
 */
final class EnsureImageListedStep implements Step<PushContext> {
    private final ImageRegistry registry;
    private final RegistryManifests manifests;

    EnsureImageListedStep(ImageRegistry registry, RegistryManifests manifests) {
        this.registry = registry;
        this.manifests = manifests;
    }

    @Override
    public String name() {
        return "ensure ECR lists the image";
    }

    @Override
    public Change plan(PushContext context) {
        if (context.digest == null) {
            return Change.checked("ECR image listing", "checked after the push");
        }
        List<String> missing = missingTags(context);
        String resource = "ECR image " + context.request.repository() + "@" + context.digest.substring(0, Math.min(19, context.digest.length()));
        return missing.isEmpty()
                ? Change.none(resource, "tags " + String.join(",", context.tags))
                : Change.update(resource, "list tags " + String.join(",", missing) + " with the ECR API");
    }

    @Override
    public void apply(PushContext context, Change change) {
        RegistryManifests.Manifest manifest = manifests.fetch(context.repository.uri(), context.digest, context.credentials);
        for (String tag : missingTags(context)) {
            registry.registerImage(context.request.repository(), tag, context.digest, manifest.body(), manifest.mediaType());
        }
    }

    private List<String> missingTags(PushContext context) {
        List<String> listed = registry.listImages(context.request.repository()).stream()
                .filter(image -> context.digest.equals(image.digest()))
                .map(RegistryImage::tags)
                .flatMap(List::stream)
                .toList();
        return context.tags.stream().filter(tag -> !listed.contains(tag)).toList();
    }
}
