package dev.mysfits.aws;

import dev.mysfits.aws.codebuild.BuildProjects;
import dev.mysfits.aws.codebuild.CodeBuildProjects;

import dev.mysfits.core.ResourceNames;
import dev.mysfits.ledger.ResourceType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tag discovery with the SDK. Lists are narrowed by mysfits' names where AWS allows (log group prefix, task
 * family prefix, role names), then each candidate's tags decide.
 */
public final class SdkTaggedResourceFinder implements TaggedResourceFinder {
    private static final String ECS_DIMENSION_PREFIX = "service/";

    private final AwsClients aws;

    public SdkTaggedResourceFinder(AwsClients aws) {
        this.aws = aws;
    }

    @Override
    public List<OwnedResource> find(String workshop, Collection<String> knownIds) {
        ResourceNames names = new ResourceNames(workshop);
        Set<String> known = new LinkedHashSet<>(knownIds);
        List<OwnedResource> found = new ArrayList<>();
        try {
            List<OwnedResource> targetGroups = targetGroups(workshop);
            found.addAll(targetGroups);
            found.addAll(loadBalancers(workshop, known, targetGroups));
            found.addAll(securityGroups(workshop));
            List<OwnedResource> clusters = clusters(workshop, names, known);
            found.addAll(clusters);
            List<OwnedResource> services = services(workshop, clusters, known);
            found.addAll(services);
            found.addAll(scaling(services, known));
            found.addAll(taskDefinitions(workshop));
            found.addAll(repositories(workshop));
            found.addAll(logGroups(workshop, names));
            List<OwnedResource> roles = roles(workshop, names, known);
            found.addAll(roles);
            found.addAll(capacity(workshop, names, known));
            boolean codeBuildUsed = roles.stream().anyMatch(r -> r.id().equals(names.codeBuildRole()))
                    || known.stream().anyMatch(id -> id.contains(":codebuild:"));
            if (codeBuildUsed) {
                found.addAll(codeBuildProjects(workshop, known));
            }
        } catch (SdkException e) {
            throw AwsErrors.wrap("find the resources of workshop " + workshop, e);
        }
        return found;
    }

    private List<OwnedResource> targetGroups(String workshop) {
        List<TargetGroup> all = new ArrayList<>();
        aws.elb().describeTargetGroupsPaginator(r -> { }).forEach(page -> all.addAll(page.targetGroups()));
        Map<String, Map<String, String>> tags = elbTags(all.stream().map(TargetGroup::targetGroupArn).toList());
        List<OwnedResource> ours = new ArrayList<>();
        for (TargetGroup group : all) {
            Map<String, String> t = tags.getOrDefault(group.targetGroupArn(), Map.of());
            if (workshop.equals(t.get(ResourceNames.TAG_WORKSHOP))) {
                ours.add(OwnedResource.of(ResourceType.TARGET_GROUP, group.targetGroupArn(), group.targetGroupName(),
                        t.get(ResourceNames.TAG_SERVICE), null));
            }
        }
        return ours;
    }

    private List<OwnedResource> loadBalancers(String workshop, Set<String> known, List<OwnedResource> targetGroups) {
        List<LoadBalancer> all = new ArrayList<>();
        aws.elb().describeLoadBalancersPaginator(r -> { }).forEach(page -> all.addAll(page.loadBalancers()));
        Map<String, Map<String, String>> tags = elbTags(all.stream().map(LoadBalancer::loadBalancerArn).toList());
        Map<String, String> serviceOfTargetGroup = new HashMap<>();
        targetGroups.forEach(g -> serviceOfTargetGroup.put(g.id(), g.service() == null ? "" : g.service()));
        List<OwnedResource> ours = new ArrayList<>();
        for (LoadBalancer balancer : all) {
            String arn = balancer.loadBalancerArn();
            boolean tagged = workshop.equals(tags.getOrDefault(arn, Map.of()).get(ResourceNames.TAG_WORKSHOP));
            if (!tagged && !known.contains(arn)) {
                continue;
            }
            ours.add(OwnedResource.of(ResourceType.LOAD_BALANCER, arn, balancer.loadBalancerName(), null, null));
            for (Listener listener : aws.elb().describeListeners(r -> r.loadBalancerArn(arn)).listeners()) {
                ours.add(new OwnedResource(ResourceType.LISTENER, listener.listenerArn(),
                        balancer.loadBalancerName() + ":" + listener.port(), null, arn,
                        forwardTargets(listener.defaultActions()), null));
                for (Rule rule : aws.elb().describeRules(r -> r.listenerArn(listener.listenerArn())).rules()) {
                    if (Boolean.TRUE.equals(rule.isDefault())) {
                        continue;
                    }
                    // A rule is ours when it forwards to our target groups (or the ledger has it): rules carry no
                    // tags of their own in every API version, their targets do.
                    List<String> forwards = forwardTargets(rule.actions());
                    String service = forwards.stream().map(serviceOfTargetGroup::get).filter(s -> s != null)
                            .findFirst().orElse(null);
                    if (service != null || known.contains(rule.ruleArn())) {
                        String path = pathOf(rule);
                        ours.add(new OwnedResource(ResourceType.LISTENER_RULE, rule.ruleArn(), path,
                                service == null || service.isEmpty() ? null : service, listener.listenerArn(),
                                forwards, null));
                    }
                }
            }
        }
        return ours;
    }

    private static String pathOf(Rule rule) {
        for (RuleCondition condition : rule.conditions()) {
            if (condition.pathPatternConfig() != null && !condition.pathPatternConfig().values().isEmpty()) {
                return condition.pathPatternConfig().values().get(0);
            }
            if (!condition.values().isEmpty()) {
                return condition.values().get(0);
            }
        }
        return "rule " + rule.priority();
    }

    private static List<String> forwardTargets(List<Action> actions) {
        List<String> arns = new ArrayList<>();
        for (Action action : actions) {
            if (action.targetGroupArn() != null) {
                arns.add(action.targetGroupArn());
            }
            if (action.forwardConfig() != null) {
                action.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn)
                        .filter(a -> !arns.contains(a)).forEach(arns::add);
            }
        }
        return arns;
    }

    private Map<String, Map<String, String>> elbTags(List<String> arns) {
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (int i = 0; i < arns.size(); i += 20) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 20));
            for (TagDescription description : aws.elb().describeTags(r -> r.resourceArns(batch)).tagDescriptions()) {
                Map<String, String> t = new HashMap<>();
                description.tags().forEach(tag -> t.put(tag.key(), tag.value()));
                tags.put(description.resourceArn(), t);
            }
        }
        return tags;
    }

    private List<OwnedResource> securityGroups(String workshop) {
        List<OwnedResource> ours = new ArrayList<>();
        Filter byTag = Filter.builder().name("tag:" + ResourceNames.TAG_WORKSHOP).values(workshop).build();
        for (SecurityGroup group : aws.ec2().describeSecurityGroups(r -> r.filters(byTag)).securityGroups()) {
            ours.add(OwnedResource.of(ResourceType.SECURITY_GROUP, group.groupId(), group.groupName(), null, null));
        }
        return ours;
    }

    private List<OwnedResource> clusters(String workshop, ResourceNames names, Set<String> known) {
        List<String> arns = new ArrayList<>();
        aws.ecs().listClustersPaginator(r -> { }).forEach(page -> arns.addAll(page.clusterArns()));
        List<OwnedResource> ours = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
            for (Cluster cluster : aws.ecs().describeClusters(r -> r.clusters(batch).include(ClusterField.TAGS)).clusters()) {
                boolean tagged = cluster.tags().stream()
                        .anyMatch(t -> ResourceNames.TAG_WORKSHOP.equals(t.key()) && workshop.equals(t.value()));
                boolean recorded = known.contains(cluster.clusterArn()) || known.contains(cluster.clusterName());
                if ("ACTIVE".equals(cluster.status()) && (tagged || recorded)) {
                    ours.add(OwnedResource.of(ResourceType.CLUSTER, cluster.clusterArn(), cluster.clusterName(), null, null));
                }
            }
        }
        return ours;
    }

    private List<OwnedResource> services(String workshop, List<OwnedResource> clusters, Set<String> known) {
        List<OwnedResource> ours = new ArrayList<>();
        for (OwnedResource cluster : clusters) {
            List<String> arns = new ArrayList<>();
            aws.ecs().listServicesPaginator(r -> r.cluster(cluster.name())).forEach(page -> arns.addAll(page.serviceArns()));
            for (int i = 0; i < arns.size(); i += 10) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 10));
                for (Service service : aws.ecs().describeServices(r -> r.cluster(cluster.name()).services(batch)
                        .include(ServiceField.TAGS)).services()) {
                    if ("INACTIVE".equals(service.status())) {
                        continue; // moto still lists deleted services; AWS does not
                    }
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

    /** Application Auto Scaling has no tags: its targets and policies are found through the services they scale. */
    private List<OwnedResource> scaling(List<OwnedResource> services, Set<String> known) {
        Map<String, String> serviceOfResourceId = new HashMap<>();
        for (OwnedResource service : services) {
            serviceOfResourceId.put(ECS_DIMENSION_PREFIX + service.parent() + "/" + service.name(), service.service());
        }
        List<OwnedResource> ours = new ArrayList<>();
        if (serviceOfResourceId.isEmpty() && known.stream().noneMatch(k -> k.startsWith(ECS_DIMENSION_PREFIX))) {
            return ours;
        }
        List<ScalableTarget> targets = new ArrayList<>();
        aws.autoScaling().describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS))
                .forEach(page -> targets.addAll(page.scalableTargets()));
        for (ScalableTarget target : targets) {
            String resourceId = target.resourceId();
            if (serviceOfResourceId.containsKey(resourceId) || known.contains(resourceId)) {
                ours.add(OwnedResource.of(ResourceType.SCALABLE_TARGET, resourceId, resourceId,
                        serviceOfResourceId.getOrDefault(resourceId, serviceOf(resourceId)), null));
            }
        }
        List<ScalingPolicy> policies = new ArrayList<>();
        aws.autoScaling().describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS))
                .forEach(page -> policies.addAll(page.scalingPolicies()));
        for (ScalingPolicy policy : policies) {
            String resourceId = policy.resourceId();
            if (serviceOfResourceId.containsKey(resourceId) || known.contains(resourceId)
                    || known.contains(policy.policyARN()) || known.contains(policy.policyName())) {
                ours.add(OwnedResource.of(ResourceType.SCALING_POLICY, policy.policyARN(), policy.policyName(),
                        serviceOfResourceId.getOrDefault(resourceId, serviceOf(resourceId)), resourceId));
            }
        }
        return ours;
    }

    private static String serviceOf(String resourceId) {
        int slash = resourceId.lastIndexOf('/');
        return slash < 0 ? null : resourceId.substring(slash + 1);
    }

    private List<OwnedResource> taskDefinitions(String workshop) {
        List<String> families = new ArrayList<>();
        aws.ecs().listTaskDefinitionFamiliesPaginator(r -> r.familyPrefix(workshop + "-")
                .status(TaskDefinitionFamilyStatus.ACTIVE)).forEach(page -> families.addAll(page.families()));
        List<OwnedResource> ours = new ArrayList<>();
        for (String family : families) {
            if (!family.startsWith(workshop + "-")) {
                continue;
            }
            List<String> arns = new ArrayList<>();
            aws.ecs().listTaskDefinitionsPaginator(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE))
                    .forEach(page -> arns.addAll(page.taskDefinitionArns()));
            for (String arn : arns) {
                Map<String, String> tags = new HashMap<>();
                aws.ecs().listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
                if (workshop.equals(tags.get(ResourceNames.TAG_WORKSHOP))) {
                    String service = tags.getOrDefault(ResourceNames.TAG_SERVICE, family.substring(workshop.length() + 1));
                    ours.add(OwnedResource.of(ResourceType.TASK_DEFINITION, arn, arn.substring(arn.lastIndexOf('/') + 1),
                            service, null));
                }
            }
        }
        return ours;
    }

    private List<OwnedResource> repositories(String workshop) {
        List<Repository> all = new ArrayList<>();
        aws.ecr().describeRepositoriesPaginator(r -> { }).forEach(page -> all.addAll(page.repositories()));
        List<OwnedResource> ours = new ArrayList<>();
        for (Repository repository : all) {
            Map<String, String> tags = new HashMap<>();
            aws.ecr().listTagsForResource(r -> r.resourceArn(repository.repositoryArn())).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            if (workshop.equals(tags.get(ResourceNames.TAG_WORKSHOP))) {
                ours.add(OwnedResource.of(ResourceType.ECR_REPOSITORY, repository.repositoryName(),
                        repository.repositoryName(), tags.get(ResourceNames.TAG_SERVICE), null));
            }
        }
        return ours;
    }

    private List<OwnedResource> logGroups(String workshop, ResourceNames names) {
        String prefix = names.logGroup("");
        List<OwnedResource> ours = new ArrayList<>();
        aws.logs().describeLogGroupsPaginator(r -> r.logGroupNamePrefix(prefix)).forEach(page -> page.logGroups().forEach(group -> {
            String arn = group.arn().endsWith(":*") ? group.arn().substring(0, group.arn().length() - 2) : group.arn();
            Map<String, String> tags = aws.logs().listTagsForResource(r -> r.resourceArn(arn)).tags();
            if (workshop.equals(tags.get(ResourceNames.TAG_WORKSHOP))) {
                String service = tags.getOrDefault(ResourceNames.TAG_SERVICE, group.logGroupName().substring(prefix.length()));
                ours.add(OwnedResource.of(ResourceType.LOG_GROUP, group.logGroupName(), group.logGroupName(), service, null));
            }
        }));
        return ours;
    }

    /** Projects are looked for only where the workshop's CodeBuild role is: most workshops never build there. */
    private List<OwnedResource> codeBuildProjects(String workshop, Set<String> known) {
        List<OwnedResource> ours = new ArrayList<>();
        for (BuildProjects.Project project : new CodeBuildProjects(aws.codeBuild()).list(workshop + "-")) {
            if (workshop.equals(project.tags().get(ResourceNames.TAG_WORKSHOP)) || known.contains(project.arn())) {
                ours.add(OwnedResource.of(ResourceType.CODEBUILD_PROJECT, project.arn(), project.spec().name(), null, null));
            }
        }
        return ours;
    }

    private List<OwnedResource> roles(String workshop, ResourceNames names, Set<String> known) {
        Set<String> candidates = new LinkedHashSet<>(List.of(names.executionRole(), names.taskRole(), names.instanceRole(),
                names.codeBuildRole()));
        List<OwnedResource> ours = new ArrayList<>();
        for (String role : candidates) {
            try {
                boolean tagged = aws.iam().listRoleTags(r -> r.roleName(role)).tags().stream()
                        .anyMatch(t -> ResourceNames.TAG_WORKSHOP.equals(t.key()) && workshop.equals(t.value()));
                if (tagged || known.contains(role)) {
                    ours.add(OwnedResource.of(ResourceType.IAM_ROLE, role, role, null, null));
                }
            } catch (NoSuchEntityException absent) {
                // not there: nothing to find
            }
        }
        return ours;
    }

    /** The EC2 launch type's group, launch template and instance profile, found by their names and tags. */
    private List<OwnedResource> capacity(String workshop, ResourceNames names, Set<String> known) {
        List<OwnedResource> ours = new ArrayList<>();
        aws.autoScalingGroups().describeAutoScalingGroups(r -> r.autoScalingGroupNames(names.autoScalingGroup()))
                .autoScalingGroups().forEach(group -> {
                    boolean tagged = group.tags().stream().anyMatch(t -> ResourceNames.TAG_WORKSHOP.equals(t.key())
                            && workshop.equals(t.value()));
                    if (tagged || known.contains(group.autoScalingGroupName())) {
                        ours.add(OwnedResource.of(ResourceType.AUTO_SCALING_GROUP, group.autoScalingGroupName(),
                                group.autoScalingGroupName(), null, null));
                    }
                });
        Filter byTag = Filter.builder().name("tag:" + ResourceNames.TAG_WORKSHOP).values(workshop).build();
        aws.ec2().describeLaunchTemplates(r -> r.filters(byTag)).launchTemplates().forEach(template ->
                ours.add(OwnedResource.of(ResourceType.LAUNCH_TEMPLATE, template.launchTemplateName(),
                        template.launchTemplateName(), null, null)));
        try {
            String profile = names.instanceRole();
            // GetInstanceProfile carries the tags (and moto has no ListInstanceProfileTags).
            boolean tagged = aws.iam().getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().tags().stream()
                    .anyMatch(t -> ResourceNames.TAG_WORKSHOP.equals(t.key()) && workshop.equals(t.value()));
            if (tagged || known.contains(profile)) {
                ours.add(OwnedResource.of(ResourceType.INSTANCE_PROFILE, profile, profile, null, null));
            }
        } catch (NoSuchEntityException absent) {
            // not there: nothing to find
        }
        return ours;
    }
}
