package dev.mysfits.workflow.image;

import dev.mysfits.core.MysfitsException;
import dev.mysfits.git.SourceRevision.Revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tags a build gets: by default NAME:latest and NAME:&lt;git short sha&gt;[-dirty], so every build is findable by
 * commit; --tag replaces them. Checked against Docker's reference grammar before anything is built.
 */
public final class ImageTags {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?";
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern NAME = Pattern.compile("(?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*");

    private ImageTags() {
    }

    /** The full references to tag the image with. */
    public static List<String> resolve(String image, List<String> overrides, Optional<Revision> revision) {
        requireName(image, "the image name '" + image + "' in the workshop file");
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (overrides.isEmpty()) {
            tags.add(image + ":latest");
            revision.ifPresent(r -> tags.add(image + ":" + r.shortSha() + (r.dirty() ? "-dirty" : "")));
        } else {
            for (String value : overrides) {
                tags.add(reference(image, value));
            }
        }
        return new ArrayList<>(tags);
    }

    /** "v2" names a tag of the service's image; "name:tag" or "host/name:tag" a full reference. */
    public static String reference(String image, String value) {
        String v = value.strip();
        if (!v.contains(":") && !v.contains("/")) {
            requireTag(v);
            return image + ":" + v;
        }
        int slash = v.lastIndexOf('/');
        int colon = v.lastIndexOf(':');
        String name = colon > slash ? v.substring(0, colon) : v;
        String tag = colon > slash ? v.substring(colon + 1) : "latest";
        requireName(name, "image name '" + name + "' in --tag " + value);
        requireTag(tag);
        return name + ":" + tag;
    }

    private static void requireTag(String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw MysfitsException.usage("invalid tag '" + tag + "': a tag is letters, digits, '_', '.' and '-', "
                    + "at most 128 characters, not starting with '.' or '-'", "pass --tag like v2 or monolith-service:v2");
        }
    }

    private static void requireName(String name, String what) {
        if (name.length() > 255 || !NAME.matcher(name).matches()) {
            throw MysfitsException.usage("invalid " + what + ": an image name is lowercase letters, digits and "
                    + "separators (. _ -), with an optional registry host", "use a name like monolith-service");
        }
    }
}
