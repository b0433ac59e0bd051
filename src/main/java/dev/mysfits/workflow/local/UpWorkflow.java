package dev.mysfits.workflow.local;

import dev.mysfits.config.DependencyOrder;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.VolumeMount;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.docker.ContainerRunner;
import dev.mysfits.docker.ContainerSpec;
import dev.mysfits.docker.ContainerState;
import dev.mysfits.docker.ImagePuller;
import dev.mysfits.docker.LocalContainers;
import dev.mysfits.net.HealthProbe;
import dev.mysfits.net.HostPorts;
import dev.mysfits.core.Sleeper;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * `mysfits up`: the 003 lab's `docker run --link` sequence as one command. Services start in dependency order on
 * the workshop's own network, where each is reachable by its name and aliases; each must be healthy before the
 * next starts. Everything that can be checked (ports, bind sources, images) is checked before anything starts (an image
 * nobody builds here, missing from the engine, is pulled then), and a
 * service already running with the same image and settings is left alone, so running `up` again converges.
 */
public final class UpWorkflow implements Workflow<UpRequest, UpResult> {
    private final ContainerRunner runner;
    private final HostPorts ports;
    private final Events events;
    private final LocalHealthWait health;
    private final PullImageStep pull;

    public UpWorkflow(ContainerRunner runner, ImagePuller puller, PullLogin login, HostPorts ports, HealthProbe probe,
                      Events events, Sleeper sleeper, LongSupplier nanoTime) {
        this.runner = runner;
        this.pull = new PullImageStep(runner, puller, login, events);
        this.ports = ports;
        this.events = events;
        this.health = new LocalHealthWait(runner, probe, events, sleeper, nanoTime);
    }

    @Override
    public UpResult execute(UpRequest request) {
        WorkshopConfig workshop = request.workshop();
        List<String> wanted = request.services().isEmpty() ? List.copyOf(workshop.services().keySet()) : request.services();
        wanted.forEach(workshop::service); // an unknown name is a usage error before anything else
        List<ServiceConfig> order = DependencyOrder.startOrder(workshop.services(), wanted);

        checkLocalInput(order);
        Map<String, String> imageIds = checkImages(order);
        Map<String, Optional<ContainerState>> existing = new LinkedHashMap<>();
        order.forEach(s -> existing.put(s.name(), runner.find(LocalContainers.containerName(workshop.name(), s.name()))));
        checkPortsFree(order, existing);

        events.stage("Starting " + names(order) + " in that order");
        if (order.stream().anyMatch(s -> !s.local().container().hostNetwork())) {
            runner.ensureNetwork(LocalServiceSpecs.networkName(workshop.name()), Map.of(LocalContainers.LABEL_WORKSHOP, workshop.name()));
        }
        ensureVolumes(workshop.name(), order);

        List<UpResult.Service> results = new ArrayList<>();
        for (ServiceConfig service : order) {
            results.add(start(workshop.name(), service, imageIds.get(service.name()), existing.get(service.name()), request));
        }
        UpResult result = new UpResult(results);
        events.done("up: " + names(order) + " " + (order.size() == 1 ? "is" : "are") + " running and healthy");
        return result;
    }

    private UpResult.Service start(String workshop, ServiceConfig service, String imageId, Optional<ContainerState> existing,
                                   UpRequest request) {
        ContainerSpec spec = LocalServiceSpecs.spec(workshop, service, imageId);
        String url = LocalServiceSpecs.url(service);
        String state;
        boolean same = existing.map(c -> c.running()
                && spec.labels().get(LocalServiceSpecs.LABEL_SPEC).equals(c.labels().get(LocalServiceSpecs.LABEL_SPEC))).orElse(false);
        if (same) {
            state = "unchanged";
            events.note(service.name() + ": already running as asked (" + spec.name() + ")");
        } else {
            if (existing.isPresent()) {
                runner.remove(spec.name());
            }
            runner.start(spec);
            state = existing.isPresent() ? "replaced" : "started";
            events.note(service.name() + ": " + state + " " + spec.name() + describe(service));
        }
        URI healthUrl = service.local().container().healthCommand().isEmpty() && url != null ? URI.create(url) : null;
        health.await(spec.name(), healthUrl, request.timeout());
        events.done(service.name() + " is healthy" + (url == null ? " (reached by the other services as "
                + service.name() + ")" : " on " + url));
        return new UpResult.Service(service.name(), spec.name(), spec.image(), state, url);
    }

    private static String describe(ServiceConfig service) {
        StringBuilder text = new StringBuilder();
        if (service.local().container().hostNetwork()) {
            text.append(", host network");
        }
        if (service.local().container().memoryBytes() > 0) {
            text.append(", memory limit ").append(service.local().container().memoryBytes() / (1024 * 1024)).append(" MiB");
        }
        service.local().volumes().forEach(v -> text.append(", ").append(v.isBind() ? v.hostPath() : v.volumeName())
                .append(" on ").append(v.target()));
        return text.toString();
    }

    /** Checks what the workshop file alone decides: no two services on one host port, every bind source present. */
    private static void checkLocalInput(List<ServiceConfig> order) {
        Map<Integer, String> byPort = new LinkedHashMap<>();
        for (ServiceConfig service : order) {
            int port = LocalServiceSpecs.hostPort(service);
            if (port == 0) {
                continue;
            }
            String other = byPort.putIfAbsent(port, service.name());
            if (other != null) {
                throw MysfitsException.usage("services " + other + " and " + service.name() + " both want host port " + port,
                        "give one of them another localPort in the workshop file (with \"network\": \"host\" the port is its containerPort)");
            }
        }
        for (ServiceConfig service : order) {
            for (VolumeMount v : service.local().volumes()) {
                if (v.isBind() && !Files.exists(v.hostPath())) {
                    throw MysfitsException.usage("the bind mount source " + v.hostPath() + " of service " + service.name()
                            + " does not exist", "create it (mkdir -p " + v.hostPath() + ") or fix \"volumes\" in the workshop file");
                }
            }
        }
    }

    /** Local images first: a service built here but not yet built is refused before anything is pulled. */
    private Map<String, String> checkImages(List<ServiceConfig> order) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<ServiceConfig> toPull = new ArrayList<>();
        for (ServiceConfig service : order) {
            Optional<String> id = runner.imageId(LocalServiceSpecs.image(service));
            if (id.isPresent()) {
                ids.put(service.name(), id.get());
            } else if (service.builtHere()) {
                missing.add(service.name());
            } else {
                toPull.add(service);
            }
        }
        if (!missing.isEmpty()) {
            throw MysfitsException.precondition("no image built yet for " + names(missing),
                    "run mysfits build " + String.join(" && mysfits build ", missing) + " first");
        }
        Map<String, String> pulled = new LinkedHashMap<>();
        for (ServiceConfig service : toPull) {
            String image = LocalServiceSpecs.image(service);
            if (!pulled.containsKey(image)) { // two services of one image pull it once
                pulled.put(image, pull.pull(service));
            }
            ids.put(service.name(), pulled.get(image));
        }
        Map<String, String> inOrder = new LinkedHashMap<>();
        order.forEach(s -> inOrder.put(s.name(), ids.get(s.name())));
        return inOrder;
    }

    private void checkPortsFree(List<ServiceConfig> order, Map<String, Optional<ContainerState>> existing) {
        for (ServiceConfig service : order) {
            int port = LocalServiceSpecs.hostPort(service);
            boolean ours = existing.get(service.name()).map(c -> c.running()
                    && (c.hostPorts().contains(port) || service.local().container().hostNetwork())).orElse(false);
            if (port != 0 && !ours && !ports.isFree(port)) {
                throw MysfitsException.usage("host port " + port + " for service " + service.name() + " is already in use",
                        "stop what uses it, or change the service's localPort in the workshop file");
            }
        }
    }

    private void ensureVolumes(String workshop, List<ServiceConfig> order) {
        Set<String> volumes = new LinkedHashSet<>();
        order.forEach(s -> s.local().volumes().stream().filter(v -> !v.isBind()).forEach(v -> volumes.add(v.volumeName())));
        for (String volume : volumes) {
            String name = LocalServiceSpecs.volumeName(workshop, volume);
            if (runner.ensureVolume(name, Map.of(LocalContainers.LABEL_WORKSHOP, workshop))) {
                events.note("created volume " + name);
            } else {
                events.note("kept volume " + name + " and its data");
            }
        }
    }

    private static String names(List<?> services) {
        List<String> names = services.stream().map(s -> s instanceof ServiceConfig c ? c.name() : s.toString()).toList();
        return String.join(", ", names);
    }
}
