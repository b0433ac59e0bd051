package dev.mysfits.aws.capacity;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceBusyException;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.aws.TransientErrors;
import dev.mysfits.aws.WaitUntilGone;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.Map;

/**
 * The EC2 launch type's capacity: the Auto Scaling group is scaled to 0, deleted once its instances have terminated,
 * and waited for until it is no longer listed (so the cluster can go after it); then the launch template and the
 * instance profile.
 */
public record CapacityResourceDeleter(AwsClients aws, WaitUntilGone groupGone, Eventually eventually) implements ServiceDeleter {
    /** EC2 instances take a minute or two to terminate; a group waits for all of them (AWS-BEHAVIOURS 23). */
    static final Duration INSTANCES_TERMINATE = Duration.ofMinutes(10);

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(
                ResourceType.AUTO_SCALING_GROUP, this::deleteGroup,
                ResourceType.LAUNCH_TEMPLATE, this::deleteLaunchTemplate,
                ResourceType.INSTANCE_PROFILE, this::deleteInstanceProfile);
    }

    public ResourceDeleter.Outcome deleteGroup(OwnedResource group) {
        String doing = "autoscaling delete group " + group.id();
        return DeletionErrors.decideOrGone(doing, () -> {
            var found = aws.autoScalingGroups().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group.id()))
                    .autoScalingGroups();
            if (found.isEmpty()) {
                return ResourceDeleter.Outcome.ALREADY_GONE;
            }
            if (found.get(0).desiredCapacity() > 0 || found.get(0).minSize() > 0) {
                aws.autoScalingGroups().updateAutoScalingGroup(r -> r.autoScalingGroupName(group.id()).minSize(0).desiredCapacity(0));
            }
            // AWS refuses the delete while instances remain or terminate (ResourceInUse, ScalingActivityInProgress).
            eventually.run("the instances of Auto Scaling group " + group.id() + " to terminate", INSTANCES_TERMINATE,
                    TransientErrors.INSTANCES_IN_GROUP,
                    () -> aws.autoScalingGroups().deleteAutoScalingGroup(r -> r.autoScalingGroupName(group.id())));
            boolean gone = groupGone.await("Auto Scaling group " + group.id() + " to go", "autoscaling describe group " + group.id(),
                    () -> aws.autoScalingGroups().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group.id()))
                            .autoScalingGroups().isEmpty());
            if (!gone) {
                throw new ResourceBusyException(doing + ": still listed after its delete", null);
            }
            return ResourceDeleter.Outcome.DELETED;
        });
    }

    public ResourceDeleter.Outcome deleteLaunchTemplate(OwnedResource template) {
        try {
            aws.ec2().deleteLaunchTemplate(r -> r.launchTemplateName(template.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            if (AwsErrors.code(e).startsWith("InvalidLaunchTemplateName") || AwsErrors.code(e).startsWith("InvalidLaunchTemplateId")) {
                return ResourceDeleter.Outcome.ALREADY_GONE;
            }
            return DeletionErrors.handle("ec2 delete launch template " + template.id(), e);
        }
    }

    public ResourceDeleter.Outcome deleteInstanceProfile(OwnedResource profile) {
        return DeletionErrors.deleteOrGone("iam delete instance profile " + profile.id(), () -> {
            var roles = aws.iam().getInstanceProfile(r -> r.instanceProfileName(profile.id())).instanceProfile().roles();
            for (var role : roles) {
                DeletionErrors.preliminary(() -> aws.iam().removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile.id())
                        .roleName(role.roleName())));
            }
            aws.iam().deleteInstanceProfile(r -> r.instanceProfileName(profile.id()));
        });
    }
}
