package dev.mysfits.aws.autoscaling;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

import java.util.Map;

/** Scaling policies and scalable targets of ECS services. */
public record AutoScalingResourceDeleter(ApplicationAutoScalingClient client) implements ServiceDeleter {
    private static final String POLICY_NAME_MARK = ":policyName/";
    private static final String RESOURCE_MARK = ":resource/ecs/";

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(
                ResourceType.SCALING_POLICY, this::deletePolicy,
                ResourceType.SCALABLE_TARGET, this::deleteTarget);
    }

    public ResourceDeleter.Outcome deletePolicy(OwnedResource policy) {
        String name = policy.name();
        String resourceId = policy.parent();
        // From the ledger alone we may only have the policy ARN: it carries the resource id and the name.
        String arn = policy.id();
        if (arn.contains(POLICY_NAME_MARK)) {
            name = arn.substring(arn.indexOf(POLICY_NAME_MARK) + POLICY_NAME_MARK.length());
            if (resourceId == null && arn.contains(RESOURCE_MARK)) {
                resourceId = arn.substring(arn.indexOf(RESOURCE_MARK) + RESOURCE_MARK.length(), arn.indexOf(POLICY_NAME_MARK));
            }
        }
        if (resourceId == null) {
            return ResourceDeleter.Outcome.ALREADY_GONE; // nothing to address it by; a found policy always has one
        }
        String policyName = name;
        String target = resourceId;
        return DeletionErrors.deleteOrGone("application auto scaling delete policy " + policyName, () -> {
            client.deleteScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(target)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyName(policyName));
        });
    }

    public ResourceDeleter.Outcome deleteTarget(OwnedResource target) {
        return DeletionErrors.deleteOrGone("application auto scaling deregister target " + target.id(), () -> {
            client.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(target.id())
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        });
    }
}
