package dev.mysfits.aws.capacity;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceBusyException;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.WaitUntilGone;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * The EC2 launch type's capacity: the Auto Scaling group is scaled to 0 and its instances left before it is deleted
 * (so the cluster can go after it), then the launch template and the instance profile.
 */
public final class CapacityResourceDeleter {
    private final AwsClients aws;
    private final WaitUntilGone instancesGone;

    public CapacityResourceDeleter(AwsClients aws, WaitUntilGone instancesGone) {
        this.aws = aws;
        this.instancesGone = instancesGone;
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
            boolean left = instancesGone.await("autoscaling describe group " + group.id(),
                    () -> aws.autoScalingGroups().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group.id()))
                            .autoScalingGroups().get(0).instances().isEmpty());
            if (!left) {
                throw new ResourceBusyException(doing + ": its instances are still terminating", null);
            }
            aws.autoScalingGroups().deleteAutoScalingGroup(r -> r.autoScalingGroupName(group.id()));
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
