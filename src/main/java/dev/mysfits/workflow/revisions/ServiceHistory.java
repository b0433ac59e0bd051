package dev.mysfits.workflow.revisions;

import dev.mysfits.aws.ecs.ContainerService;
import dev.mysfits.aws.ecs.ContainerService.ContainerImage;
import dev.mysfits.aws.ecs.ContainerService.ServiceDeployment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A service's deployments as ECS keeps them (ListServiceDeployments), newest first, each with the task definition its
 * target service revision ran and the images ECS resolved for it. Read by revisions and rollback.
 */
public record ServiceHistory(List<Entry> entries) {

    /**
     * @param taskDefinitionArn what the deployment deployed, or null when ECS named no target revision
     * @param images            the images ECS resolved for it, with their digests; empty when unknown
     * @param sources           the task definitions of the revisions it replaces (a rollback goes back to them)
     */
    public record Entry(ServiceDeployment deployment, String taskDefinitionArn, List<ContainerImage> images,
                        List<String> sources) {
        public String id() {
            return shortId(deployment.arn());
        }
    }

    public static ServiceHistory read(ContainerService containers, String cluster, String service) {
        List<ServiceDeployment> deployments = containers.serviceDeployments(cluster, service);
        List<String> revisionArns = deployments.stream()
                .flatMap(d -> java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(d.target()),
                        d.sources() == null ? java.util.stream.Stream.empty() : d.sources().stream()))
                .map(ContainerService.RevisionShare::revisionArn).filter(Objects::nonNull).distinct().toList();
        Map<String, ContainerService.ServiceRevision> revisions = revisionArns.isEmpty() ? Map.of()
                : containers.serviceRevisions(revisionArns).stream()
                .collect(Collectors.toMap(ContainerService.ServiceRevision::arn, Function.identity(), (a, b) -> a));
        return new ServiceHistory(deployments.stream().map(d -> {
            ContainerService.ServiceRevision target = d.target() == null ? null : revisions.get(d.target().revisionArn());
            List<String> sources = d.sources() == null ? List.of() : d.sources().stream()
                    .map(r -> revisions.get(r.revisionArn())).filter(Objects::nonNull)
                    .map(ContainerService.ServiceRevision::taskDefinitionArn).filter(Objects::nonNull).toList();
            return new Entry(d, target == null ? null : target.taskDefinitionArn(),
                    target == null || target.images() == null ? List.of() : target.images(), sources);
        }).toList());
    }

    /** The deployment ECS is carrying out now, if any (it may be rolling back). */
    public Optional<Entry> inProgress() {
        return entries.stream().filter(e -> e.deployment().inProgress()).findFirst();
    }

    /** The newest deployment that ended SUCCESSFUL on another task definition than this one. */
    public Optional<Entry> lastSuccessfulOtherThan(String taskDefinitionArn) {
        return entries.stream().filter(e -> "SUCCESSFUL".equals(e.deployment().status()))
                .filter(e -> e.taskDefinitionArn() != null && !e.taskDefinitionArn().equals(taskDefinitionArn))
                .findFirst();
    }

    /** The deployments that deployed this task definition, newest first. */
    public List<Entry> of(String taskDefinitionArn) {
        return entries.stream().filter(e -> taskDefinitionArn.equals(e.taskDefinitionArn())).toList();
    }

    /** The last part of an ARN: a service deployment's id, "family:3" of a task definition. */
    public static String shortId(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
