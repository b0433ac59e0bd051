package dev.mysfits.workflow.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.lab.Probe;
import dev.mysfits.net.HttpRequester;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;

import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An HTTP request answers as the lab says: through the workshop's load balancer as setup made it ("alb"), or on a
 * service's local port ("local:SERVICE", 127.0.0.1 and the port its running container publishes, else its localPort). A refused connection is a failed probe.
 */
public final class HttpProbes implements ProbeEvaluator<Probe.Http> {
    private static final int BODY_SHOWN = 120;

    private final HttpRequester http;
    private final Function<WorkshopConfig, InfrastructureLookup> infrastructure;
    private final BiFunction<WorkshopConfig, ServiceConfig, Optional<Integer>> publishedPort;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param infrastructure what setup made for a workshop: the load balancer's DNS name and listener port
     * @param publishedPort  the host port the service's running local container publishes, if one runs: the lab pages
     *                       run it on ports of their own (docker run -p 3000:80), as `mysfits run --port` does
     */
    public HttpProbes(HttpRequester http, Function<WorkshopConfig, InfrastructureLookup> infrastructure,
                      BiFunction<WorkshopConfig, ServiceConfig, Optional<Integer>> publishedPort) {
        this.http = http;
        this.infrastructure = infrastructure;
        this.publishedPort = publishedPort;
    }

    /** Local targets on the ports the workshop file gives. */
    public HttpProbes(HttpRequester http, Function<WorkshopConfig, InfrastructureLookup> infrastructure) {
        this(http, infrastructure, (workshop, service) -> Optional.empty());
    }

    @Override
    public String describe(Probe.Http probe, WorkshopConfig workshop) {
        String where = probe.target().equals("alb") ? "the load balancer"
                : localService(probe) + "'s local port";
        StringBuilder text = new StringBuilder(probe.method() + " " + probe.path() + " on " + where + " answers " + probe.status());
        if (probe.bodyContains() != null) {
            text.append(", its body holding \"").append(probe.bodyContains()).append('"');
        }
        if (probe.jsonPath() != null) {
            text.append(", with ").append(probe.jsonPath()).append(" = ").append(probe.jsonEquals());
        }
        return text.toString();
    }

    @Override
    public Optional<String> problem(Probe.Http probe, WorkshopConfig workshop) {
        String base = base(probe, workshop);
        if (base == null) {
            return Optional.of(localService(probe) + " publishes no port on the host (its localPort is null in the workshop file)");
        }
        URI url;
        try {
            url = URI.create(base + (probe.path().startsWith("/") ? "" : "/") + probe.path());
        } catch (IllegalArgumentException e) {
            return Optional.of("the path " + probe.path() + " is not a valid URL path: " + e.getMessage());
        }
        HttpRequester.Answer answer = http.send(probe.method(), url);
        if (!answer.answered()) {
            return Optional.of(answer.failure());
        }
        if (answer.status() != probe.status()) {
            return Optional.of(url + " answered " + answer.status() + body(answer.body()));
        }
        if (probe.bodyContains() != null && !answer.body().contains(probe.bodyContains())) {
            return Optional.of("the body does not hold it" + body(answer.body()));
        }
        if (probe.jsonPath() != null) {
            return field(probe, answer.body());
        }
        return Optional.empty();
    }

    private String base(Probe.Http probe, WorkshopConfig workshop) {
        if (probe.target().equals("alb")) {
            Infrastructure infra = infrastructure.apply(workshop).require();
            return Infrastructure.url(infra.loadBalancerDnsName(), infra.listenerPort());
        }
        ServiceConfig service = workshop.service(localService(probe));
        Optional<Integer> published = publishedPort.apply(workshop, service);
        int port = published.isPresent() ? published.get()
                : service.local().container().hostNetwork() ? service.containerPort() : service.localPort();
        if (port <= 0) {
            return null;
        }
        return "http://127.0.0.1:" + port;
    }

    private Optional<String> field(Probe.Http probe, String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.of("the body is not JSON" + body(body));
        }
        StringBuilder walked = new StringBuilder();
        for (String part : probe.jsonPath().split("\\.")) {
            JsonNode next = node == null ? null : node.isArray() && part.matches("\\d+") ? node.get(Integer.parseInt(part)) : node.get(part);
            walked.append(walked.length() == 0 ? "" : ".").append(part);
            if (next == null || next.isMissingNode()) {
                return Optional.of("the JSON has no " + walked + body(body));
            }
            node = next;
        }
        String value = node.isValueNode() ? node.asText() : node.toString();
        return value.equals(probe.jsonEquals()) ? Optional.empty()
                : Optional.of(probe.jsonPath() + " is " + (node.isTextual() ? "\"" + value + "\"" : value));
    }

    private static String localService(Probe.Http probe) {
        return probe.target().substring("local:".length());
    }

    private static String body(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "";
        }
        return ": " + (flat.length() <= BODY_SHOWN ? flat : flat.substring(0, BODY_SHOWN) + "…");
    }
}
