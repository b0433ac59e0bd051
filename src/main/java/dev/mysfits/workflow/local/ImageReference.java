package dev.mysfits.workflow.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An image name as Docker reads it: [registry/]path[:tag][@digest]. */
final class ImageReference {
    private static final Pattern ECR_HOST = Pattern.compile("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

    private ImageReference() {
    }

    /** The name with ":latest" when it names neither a tag nor a digest, as `docker pull mysql` means mysql:latest. */
    static String withTag(String image) {
        if (image.contains("@")) {
            return image;
        }
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 ? image : image + ":latest";
    }

    /** The registry host when the name starts with one (a first segment with a dot or a port, or localhost). */
    static Optional<String> registryHost(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? Optional.of(first) : Optional.empty();
    }

    /** Whether the host is an ECR registry, whose login comes from GetAuthorizationToken. */
    static boolean isEcr(String host) {
        Matcher m = ECR_HOST.matcher(host);
        return m.matches();
    }
}
