package dev.mysfits.fakes;

import dev.mysfits.aws.ecr.EcrRepository;
import dev.mysfits.aws.ecr.ImageRegistry;
import dev.mysfits.registry.RegistryCredentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory ECR: repositories, their tags, and a record of every call. */
public final class FakeImageRegistry implements ImageRegistry {
    public static final String HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    public final Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public Optional<EcrRepository> findRepository(String name) {
        calls.add("find " + name);
        return repositories.containsKey(name) ? Optional.of(new EcrRepository(name, HOST + "/" + name)) : Optional.empty();
    }

    @Override
    public EcrRepository createRepository(String name, Map<String, String> tags) {
        calls.add("create " + name);
        repositories.put(name, Map.copyOf(tags));
        return new EcrRepository(name, HOST + "/" + name);
    }

    @Override
    public RegistryCredentials authenticate() {
        calls.add("authenticate");
        return new RegistryCredentials("AWS", "fake-token", "https://" + HOST);
    }
}
