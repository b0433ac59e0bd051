package dev.mysfits.workflow.local;

import dev.mysfits.config.LocalRunConfig;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.VolumeMount;
import dev.mysfits.docker.ContainerSpec;
import dev.mysfits.docker.LocalContainers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a service of the workshop file into the container `mysfits up` runs, and names what it shares. */
final class LocalServiceSpecs {
    /** The hash of everything a container was started with: unchanged settings and image mean nothing to redo. */
    static final String LABEL_SPEC = "mysfits.spec";

    private LocalServiceSpecs() {
    }

    static String networkName(String workshop) {
        return "mysfits-" + workshop;
    }

    static String volumeName(String workshop, String volume) {
        return "mysfits-" + workshop + "-" + volume;
    }

    static String image(ServiceConfig service) {
        return ImageReference.withTag(service.image());
    }

    /** The host port it takes: its localPort, or with host networking the port it listens on; 0 for none. */
    static int hostPort(ServiceConfig service) {
        return service.local().container().hostNetwork() ? service.containerPort() : service.localPort();
    }

    /** Where it answers from this machine, or null when only the other services reach it. */
    static String url(ServiceConfig service) {
        int port = hostPort(service);
        return port == 0 ? null : "http://127.0.0.1:" + port + service.healthPath();
    }

    static ContainerSpec spec(String workshop, ServiceConfig service, String imageId) {
        LocalRunConfig local = service.local();
        List<ContainerSpec.Mount> mounts = new ArrayList<>();
        for (VolumeMount v : local.volumes()) {
            mounts.add(v.isBind()
                    ? new ContainerSpec.Mount(null, v.hostPath().toString(), v.target(), v.readOnly())
                    : new ContainerSpec.Mount(volumeName(workshop, v.volumeName()), null, v.target(), v.readOnly()));
        }
        List<String> aliases = new ArrayList<>();
        aliases.add(service.name());
        aliases.addAll(local.aliases());
        Map<String, String> labels = new LinkedHashMap<>(LocalContainers.labels(workshop, service.name()));
        boolean hostNetwork = local.container().hostNetwork();
        ContainerSpec unlabelled = new ContainerSpec(LocalContainers.containerName(workshop, service.name()), image(service),
                hostNetwork ? 0 : service.localPort(), service.containerPort(), service.environment(), labels,
                hostNetwork ? null : networkName(workshop), hostNetwork ? List.of() : aliases, mounts, local.container());
        labels.put(LABEL_SPEC, hash(fingerprint(unlabelled, imageId)));
        return unlabelled.withLabels(labels);
    }

    /**
     * The spec as text, its maps in key order: a record's own text follows Map.copyOf, whose order changes from one
     * JVM to the next, and then `up` would replace a container nothing changed in.
     */
    static String fingerprint(ContainerSpec spec, String imageId) {
        return String.join("|", spec.name(), spec.image(), String.valueOf(spec.hostPort()), String.valueOf(spec.containerPort()),
                new TreeMap<>(spec.environment()).toString(), new TreeMap<>(spec.labels()).toString(), String.valueOf(spec.network()),
                spec.aliases().toString(), spec.mounts().toString(), spec.container().toString(), imageId);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
