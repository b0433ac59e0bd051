package dev.mysfits.aws.autoscaling;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.core.ResourceType;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Application Auto Scaling has no tags: its targets and policies are found through the services they scale. */
public final class ScalingTaggedResources {
    private static final String ECS_DIMENSION_PREFIX = "service/";

    private final ApplicationAutoScalingClient client;

    public ScalingTaggedResources(ApplicationAutoScalingClient client) {
        this.client = client;
    }

    public List<OwnedResource> find(List<OwnedResource> services, Set<String> known) {
        Map<String, String> serviceOfResourceId = new HashMap<>();
        for (OwnedResource service : services) {
            serviceOfResourceId.put(ECS_DIMENSION_PREFIX + service.parent() + "/" + service.name(), service.service());
        }
        List<OwnedResource> ours = new ArrayList<>();
        if (serviceOfResourceId.isEmpty() && known.stream().noneMatch(k -> k.startsWith(ECS_DIMENSION_PREFIX))) {
            return ours;
        }
        List<ScalableTarget> targets = new ArrayList<>();
        client.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS))
                .forEach(page -> targets.addAll(page.scalableTargets()));
        for (ScalableTarget target : targets) {
            String resourceId = target.resourceId();
            if (serviceOfResourceId.containsKey(resourceId) || known.contains(resourceId)) {
                ours.add(OwnedResource.of(ResourceType.SCALABLE_TARGET, resourceId, resourceId,
                        serviceOfResourceId.getOrDefault(resourceId, serviceOf(resourceId)), null));
            }
        }
        List<ScalingPolicy> policies = new ArrayList<>();
        client.describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS))
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
}
