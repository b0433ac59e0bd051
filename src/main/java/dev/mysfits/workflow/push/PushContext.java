package dev.mysfits.workflow.push;

import dev.mysfits.aws.ecr.EcrRepository;
import dev.mysfits.registry.RegistryCredentials;
import dev.mysfits.docker.LocalImage;

import java.util.List;

/** The push workflow's state: the request, and what each step found or made for the next. */
final class PushContext {
    final PushRequest request;
    final LocalImage localImage;
    final List<String> tags;
    EcrRepository repository;
    RegistryCredentials credentials;
    String digest;
    final LayerTally tally = new LayerTally();

    PushContext(PushRequest request, LocalImage localImage, List<String> tags) {
        this.request = request;
        this.localImage = localImage;
        this.tags = List.copyOf(tags);
    }
}
