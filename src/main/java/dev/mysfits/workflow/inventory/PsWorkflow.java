package dev.mysfits.workflow.inventory;

import dev.mysfits.workflow.Workflow;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.docker.LocalInventory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * `mysfits ps`: the containers `run` and `up` started for this workshop (found by their mysfits.workshop label, so a
 * service since removed from the workshop file still shows), with where each answers.
 */
public final class PsWorkflow implements Workflow<PsRequest, PsResult> {
    private final LocalInventory inventory;

    public PsWorkflow(LocalInventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public PsResult execute(PsRequest request) {
        return new PsResult(request.workshop().name(), inventory.containers(request.workshop().name()).stream()
                .map(c -> row(c, Optional.ofNullable(c.service()).map(request.workshop().services()::get)))
                .sorted(Comparator.comparing((LocalContainer c) -> c.service() == null ? "" : c.service())
                        .thenComparing(LocalContainer::container))
                .toList());
    }

    private static LocalContainer row(LocalInventory.Container c, Optional<ServiceConfig> service) {
        List<String> ports = c.ports().stream()
                .map(p -> host(p.hostIp()) + p.hostPort() + "->" + p.containerPort() + "/" + (p.protocol() == null ? "tcp" : p.protocol()))
                .distinct().toList();
        return new LocalContainer(c.service(), c.id(), c.name(), c.image(), c.state(), c.status(), ports, url(c, service));
    }

    /** As the docker CLI writes it: "0.0.0.0:", "[::]:". */
    private static String host(String ip) {
        if (ip == null || ip.isEmpty()) {
            return "";
        }
        return ip.contains(":") ? "[" + ip + "]:" : ip + ":";
    }

    /** The host port forwarded to the service's container port (any published one otherwise), and its health path. */
    private static String url(LocalInventory.Container c, Optional<ServiceConfig> service) {
        if (!"running".equals(c.state())) {
            return null;
        }
        String path = service.map(ServiceConfig::healthPath).filter(p -> p.startsWith("/")).orElse("/");
        if (service.isPresent() && service.get().local().container().hostNetwork()) {
            return "http://127.0.0.1:" + service.get().containerPort() + path;
        }
        int containerPort = service.map(ServiceConfig::containerPort).orElse(0);
        return c.ports().stream()
                .filter(p -> "tcp".equals(p.protocol()) || p.protocol() == null)
                .sorted(Comparator.comparing((LocalInventory.PublishedPort p) -> p.containerPort() != containerPort))
                .findFirst()
                .map(p -> "http://127.0.0.1:" + p.hostPort() + path)
                .orElse(null);
    }
}
