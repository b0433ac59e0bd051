package dev.mysfits.workflow.revisions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;
import dev.mysfits.workflow.infrastructure.Infrastructure;
import dev.mysfits.workflow.infrastructure.InfrastructureLookup;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists a service's task-definition revisions, newest first: each one's images and digests, when it was registered,
 * whether the service runs it now, and the service deployments that deployed it with their outcome. Reads only.
 */
public final class RevisionsWorkflow implements Workflow<RevisionsRequest, RevisionsResult> {
    private final ContainerService containers;
    private final InfrastructureLookup infrastructure;
    private final Events events;

    public RevisionsWorkflow(ContainerService containers, InfrastructureLookup infrastructure, Events events) {
        this.containers = containers;
        this.infrastructure = infrastructure;
        this.events = events;
    }

    @Override
    public RevisionsResult execute(RevisionsRequest request) {
        WorkshopConfig workshop = request.workshop();
        String service = workshop.service(request.service()).name();
        ResourceNames names = new ResourceNames(workshop.name());
        Infrastructure infra = infrastructure.require();
        Optional<ContainerService.Service> deployed = containers.describeService(infra.clusterName(), names.ecsService(service));
        // The family of what runs, when something does; else the one deploy registers.
        String family = deployed.map(s -> family(s.taskDefinitionArn())).orElse(names.taskFamily(service));
        List<String> arns = containers.taskDefinitionArns(family, request.limit() + 1);
        boolean more = arns.size() > request.limit();
        arns = arns.subList(0, Math.min(arns.size(), request.limit()));
        if (arns.isEmpty() && deployed.isEmpty()) {
            throw MysfitsException.precondition("service " + service + " has no task-definition revisions: family "
                    + family + " has none in region " + infra.region(), "deploy it first: mysfits deploy " + service + " --fargate");
        }
        ServiceHistory history = deployed.isPresent()
                ? ServiceHistory.read(containers, infra.clusterName(), deployed.get().name()) : new ServiceHistory(List.of());
        Map<String, String> states = deployed.map(RevisionsWorkflow::states).orElse(Map.of());
        String serving = deployed.map(RevisionsWorkflow::serving).orElse(null);
        List<RevisionsResult.Revision> revisions = new ArrayList<>();
        for (String arn : arns) {
            Optional<ContainerService.TaskDefinition> definition = containers.describeTaskDefinition(arn);
            List<ServiceHistory.Entry> uses = history.of(arn);
            revisions.add(new RevisionsResult.Revision(ServiceHistory.shortId(arn), revision(arn), arn,
                    definition.map(d -> registeredAt(d.definition())).orElse(null),
                    definition.map(d -> images(d.definition(), uses)).orElse(List.of()), states.get(arn),
                    uses.stream().map(RevisionsWorkflow::use).toList()));
        }
        if (more) {
            events.note("the " + arns.size() + " newest revision(s) of " + family + "; older ones with --limit "
                    + (request.limit() * 2) + (serving != null && !arns.contains(serving)
                    ? " (" + ServiceHistory.shortId(serving) + ", which serves now, is among them)" : ""));
        }
        if (deployed.isEmpty()) {
            events.note("service " + service + " is not deployed: none of these serves");
        }
        return new RevisionsResult(service, family, deployed.isPresent(), serving, revisions, more);
    }

    /** What each revision the service runs is doing: its PRIMARY deployment's, and any ACTIVE one still running. */
    private static Map<String, String> states(ContainerService.Service service) {
        Map<String, String> states = new HashMap<>();
        for (ContainerService.Deployment d : service.deployments()) {
            if ("PRIMARY".equals(d.status())) {
                boolean done = d.rolloutState() == null || "COMPLETED".equals(d.rolloutState());
                states.put(d.taskDefinitionArn(), done ? "serving" : "rolling out");
            }
        }
        for (ContainerService.Deployment d : service.deployments()) {
            if (!"PRIMARY".equals(d.status()) && d.taskDefinitionArn() != null) {
                states.putIfAbsent(d.taskDefinitionArn(), "being replaced");
            }
        }
        if (states.isEmpty() && service.taskDefinitionArn() != null) {
            states.put(service.taskDefinitionArn(), "serving");
        }
        return states;
    }

    private static String serving(ContainerService.Service service) {
        return service.deployments().stream().filter(d -> "PRIMARY".equals(d.status()))
                .map(ContainerService.Deployment::taskDefinitionArn).filter(Objects::nonNull)
                .findFirst().orElse(service.taskDefinitionArn());
    }

    /**
     * Each container's image; mysfits names images by digest, so the reference usually carries it. A tag (deploy
     * --tag, a task definition made by hand) leaves the digest to what ECS resolved when it deployed the revision.
     */
    private static List<RevisionsResult.Image> images(JsonNode definition, List<ServiceHistory.Entry> uses) {
        List<RevisionsResult.Image> images = new ArrayList<>();
        for (JsonNode container : definition.path("containerDefinitions")) {
            String name = container.path("name").asText(null);
            String image = container.path("image").asText(null);
            String digest = image != null && image.contains("@") ? image.substring(image.indexOf('@') + 1) : null;
            if (digest == null) {
                digest = uses.stream().flatMap(u -> u.images().stream())
                        .filter(i -> Objects.equals(name, i.containerName()) && i.digest() != null)
                        .map(ContainerService.ContainerImage::digest).findFirst().orElse(null);
            }
            images.add(new RevisionsResult.Image(name, image, digest));
        }
        return images;
    }

    private static RevisionsResult.DeploymentUse use(ServiceHistory.Entry entry) {
        ContainerService.ServiceDeployment d = entry.deployment();
        String reason = d.rollbackReason() != null ? d.rollbackReason()
                : "SUCCESSFUL".equals(d.status()) || d.inProgress() ? null : d.statusReason();
        return new RevisionsResult.DeploymentUse(entry.id(), d.arn(), d.status(), d.createdAt(), d.finishedAt(), reason);
    }

    private static Instant registeredAt(JsonNode definition) {
        String text = definition.path("registeredAt").asText(null);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "ws-like" of ".../task-definition/ws-like:3". */
    static String family(String taskDefinitionArn) {
        String name = ServiceHistory.shortId(taskDefinitionArn);
        return name.substring(0, name.lastIndexOf(':'));
    }

    static int revision(String taskDefinitionArn) {
        return Integer.parseInt(taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf(':') + 1));
    }
}
