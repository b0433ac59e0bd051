package dev.mysfits.fakes;

import dev.mysfits.aws.ecr.RepositoryImages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ECR repositories by name, each with its images; a name not here does not exist. */
public final class FakeRepositoryImages implements RepositoryImages {
    public final Map<String, Listing> repositories = new LinkedHashMap<>();
    public final List<String> asked = new ArrayList<>();

    public FakeRepositoryImages repository(String name, String uri, EcrImage... images) {
        repositories.put(name, new Listing(name, uri, List.of(images)));
        return this;
    }

    @Override
    public Optional<Listing> list(String repository) {
        asked.add(repository);
        return Optional.ofNullable(repositories.get(repository));
    }
}
