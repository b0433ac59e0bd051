package dev.mysfits.docker;

import java.util.List;

/** An image in the local Docker engine: its id (the config digest) and every name:tag it carries. */
public record LocalImage(String id, List<String> repoTags) {
}
