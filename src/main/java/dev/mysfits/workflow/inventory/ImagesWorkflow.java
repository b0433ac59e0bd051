package dev.mysfits.workflow.inventory;

import dev.mysfits.workflow.Workflow;
import dev.mysfits.aws.ecr.RepositoryImages;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.docker.LocalInventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `mysfits images`: per service, the tags the local engine holds (under the name `build` gives and the ECR-host name
 * `push` gives) beside the images ECR holds, so what is not yet pushed shows. A local tag and ECR's agree when the
 * engine recorded ECR's manifest digest for the local image (it does at push and pull): the digest ECR lists is that
 * of the manifest, not the local image id, so only that record can tell them equal.
 */
public final class ImagesWorkflow implements Workflow<ImagesRequest, ImagesResult> {
    private final LocalInventory local;
    private final RepositoryImages ecr;

    public ImagesWorkflow(LocalInventory local, RepositoryImages ecr) {
        this.local = local;
        this.ecr = ecr;
    }

    @Override
    public ImagesResult execute(ImagesRequest request) {
        WorkshopConfig workshop = request.workshop();
        List<ServiceConfig> services = request.service() == null
                ? workshop.servicesInOrder() : List.of(workshop.service(request.service()));
        List<LocalInventory.Image> images = local.images();
        List<ServiceImages> result = new ArrayList<>();
        for (ServiceConfig service : services) {
            result.add(compare(service, images, ecr.list(service.repository())));
        }
        return new ImagesResult(result);
    }

    static ServiceImages compare(ServiceConfig service, List<LocalInventory.Image> images, Optional<RepositoryImages.Listing> listing) {
        String uri = listing.map(RepositoryImages.Listing::uri).orElse(null);
        Map<String, LocalTag> byTag = localTags(service, images, uri);
        Map<String, RepositoryImages.EcrImage> inEcr = new LinkedHashMap<>();
        List<RepositoryImages.EcrImage> untagged = new ArrayList<>();
        for (RepositoryImages.EcrImage image : listing.map(RepositoryImages.Listing::images).orElse(List.of())) {
            if (image.tags().isEmpty()) {
                untagged.add(image);
            }
            image.tags().forEach(t -> inEcr.put(t, image));
        }
        List<ServiceImages.Tag> tags = new ArrayList<>();
        for (Map.Entry<String, LocalTag> entry : byTag.entrySet()) {
            LocalTag tag = entry.getValue();
            RepositoryImages.EcrImage remote = inEcr.remove(entry.getKey());
            PushState state = remote == null ? PushState.NOT_PUSHED
                    : tag.image.repoDigests().stream().anyMatch(d -> d.endsWith("@" + remote.digest())) ? PushState.PUSHED
                    : PushState.DIFFERS;
            tags.add(new ServiceImages.Tag(entry.getKey(), tag.local(), ecr(remote), state));
        }
        inEcr.forEach((tag, remote) -> tags.add(new ServiceImages.Tag(tag, null, ecr(remote), PushState.ONLY_IN_ECR)));
        untagged.forEach(remote -> tags.add(new ServiceImages.Tag(null, null, ecr(remote), PushState.ONLY_IN_ECR)));
        tags.sort(Comparator.comparing((ServiceImages.Tag t) -> t.tag() == null)
                .thenComparing(t -> !"latest".equals(t.tag()))
                .thenComparing(t -> t.tag() == null ? "" : t.tag()));
        return new ServiceImages(service.name(), service.image(), service.repository(), uri, tags);
    }

    /**
     * Tag → the local image. The build's own name wins over the ECR-host copy: it is what the next push sends, so
     * a rebuild after a push shows as differing from ECR even while the old copy still carries the ECR host name.
     */
    private static Map<String, LocalTag> localTags(ServiceConfig service, List<LocalInventory.Image> images, String uri) {
        Map<String, LocalTag> byTag = new LinkedHashMap<>();
        for (boolean buildName : new boolean[]{true, false}) {
            for (LocalInventory.Image image : images) {
                for (String reference : image.repoTags()) {
                    int colon = reference.lastIndexOf(':');
                    if (colon <= reference.lastIndexOf('/')) {
                        continue;
                    }
                    String name = reference.substring(0, colon);
                    String tag = reference.substring(colon + 1);
                    boolean matches = buildName ? name.equals(service.image()) : isRepository(name, service.repository(), uri);
                    if (!matches) {
                        continue;
                    }
                    LocalTag existing = byTag.get(tag);
                    if (existing == null) {
                        byTag.put(tag, new LocalTag(image, new ArrayList<>(List.of(reference))));
                    } else if (existing.image.id().equals(image.id())) {
                        existing.references.add(reference);
                    }
                }
            }
        }
        return byTag;
    }

    /** "host/mysfits/monolith" names the repository: exactly its URI when ECR has it, any registry host before that. */
    private static boolean isRepository(String name, String repository, String uri) {
        if (uri != null) {
            return name.equals(uri);
        }
        int slash = name.indexOf('/');
        return slash > 0 && name.substring(0, slash).contains(".") && name.substring(slash + 1).equals(repository);
    }

    private static ServiceImages.Ecr ecr(RepositoryImages.EcrImage image) {
        return image == null ? null : new ServiceImages.Ecr(image.digest(), image.pushedAt(), image.size());
    }

    private record LocalTag(LocalInventory.Image image, List<String> references) {
        ServiceImages.Local local() {
            return new ServiceImages.Local(image.id(), references, Instant.ofEpochSecond(image.created()), image.size());
        }
    }
}
