package dev.mysfits.aws.ecs;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.WorkshopTags;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A workshop's clusters, services and task-definition revisions. */
public final class EcsTaggedResources {
    private static final String TASK_DEFINITION_MARK = ":task-definition/";

    private final EcsClient ecs;

    public EcsTaggedResources(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** Tagged clusters, and the workshop's cluster by name or ARN when the ledger has it; ACTIVE ones only. */
    public List<OwnedResource> clusters(WorkshopTags tagged, ResourceNames names, Set<String> known) {
        Set<String> candidates = new LinkedHashSet<>(tagged.arns(":cluster/").keySet());
        known.stream().filter(id -> id.contains(":cluster/") || id.equals(names.cluster())).forEach(candidates::add);
        List<String> all = new ArrayList<>(candidates);
        List<OwnedResource> ours = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 100) {
            List<String> batch = all.subList(i, Math.min(all.size(), i + 100));
            for (Cluster cluster : ecs.describeClusters(r -> r.clusters(batch)).clusters()) {
                if ("ACTIVE".equals(cluster.status())) {
                    ours.add(OwnedResource.of(ResourceType.CLUSTER, cluster.clusterArn(), cluster.clusterName(), null, null));
                }
            }
        }
        return ours;
    }

    public List<OwnedResource> services(String workshop, List<OwnedResource> clusters, Set<String> known) {
        List<OwnedResource> ours = new ArrayList<>();
        for (OwnedResource cluster : clusters) {
            List<String> arns = new ArrayList<>();
            ecs.listServicesPaginator(r -> r.cluster(cluster.name())).forEach(page -> arns.addAll(page.serviceArns()));
            for (int i = 0; i < arns.size(); i += 10) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 10));
                for (Service service : ecs.describeServices(r -> r.cluster(cluster.name()).services(batch)
                        .include(ServiceField.TAGS)).services()) {
                    Map<String, String> tags = new HashMap<>();
                    service.tags().forEach(t -> tags.put(t.key(), t.value()));
                    boolean tagged = workshop.equals(tags.get(ResourceNames.TAG_WORKSHOP));
                    if (tagged || known.contains(service.serviceArn())) {
                        String owner = tags.getOrDefault(ResourceNames.TAG_SERVICE, service.serviceName());
                        ours.add(OwnedResource.of(ResourceType.SERVICE, service.serviceArn(), service.serviceName(),
                                owner, cluster.name()));
                    }
                }
            }
        }
        return ours;
    }

    /**
     * Tasks meant to run that no service owns, in the workshop's clusters: a `task run` task, or one started by hand.
     * A service's tasks stop with their service. The owner is read from the family (workshop-service).
     */
    public List<OwnedResource> standaloneTasks(String workshop, List<OwnedResource> clusters) {
        List<OwnedResource> ours = new ArrayList<>();
        for (OwnedResource cluster : clusters) {
            List<String> arns = new ArrayList<>();
            ecs.listTasksPaginator(r -> r.cluster(cluster.name()).desiredStatus(DesiredStatus.RUNNING))
                    .forEach(page -> arns.addAll(page.taskArns()));
            for (int i = 0; i < arns.size(); i += 100) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
                for (Task task : ecs.describeTasks(r -> r.cluster(cluster.name()).tasks(batch)).tasks()) {
                    if (task.group() != null && task.group().startsWith("service:")) {
                        continue;
                    }
                    String family = familyOf(task.taskDefinitionArn());
                    String owner = family.startsWith(workshop + "-") ? family.substring(workshop.length() + 1) : family;
                    String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
                    ours.add(OwnedResource.of(ResourceType.TASK, task.taskArn(), family + "/" + id, owner, cluster.name()));
                }
            }
        }
        return ours;
    }

    /**
     * Tagged revisions that are still ACTIVE, whatever their family is called. The Tagging API also returns
     * deregistered (INACTIVE) revisions, which cleanup has nothing left to do with.
     */
    public List<OwnedResource> taskDefinitions(String workshop, WorkshopTags tagged) {
        Map<String, Map<String, String>> revisions = tagged.arns(TASK_DEFINITION_MARK);
        Set<String> families = new LinkedHashSet<>();
        revisions.keySet().forEach(arn -> families.add(familyOf(arn)));
        List<OwnedResource> ours = new ArrayList<>();
        for (String family : families) {
            List<String> active = new ArrayList<>();
            ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE))
                    .forEach(page -> active.addAll(page.taskDefinitionArns()));
            for (String arn : active) {
                Map<String, String> tags = revisions.get(arn);
                if (tags == null || !familyOf(arn).equals(family)) {
                    continue;
                }
                String fallback = family.startsWith(workshop + "-") ? family.substring(workshop.length() + 1) : family;
                ours.add(OwnedResource.of(ResourceType.TASK_DEFINITION, arn, arn.substring(arn.lastIndexOf('/') + 1),
                        tags.getOrDefault(ResourceNames.TAG_SERVICE, fallback), null));
            }
        }
        return ours;
    }

    /** arn:aws:ecs:region:account:task-definition/family:revision → family */
    private static String familyOf(String arn) {
        String rest = arn.substring(arn.indexOf(TASK_DEFINITION_MARK) + TASK_DEFINITION_MARK.length());
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }
}
