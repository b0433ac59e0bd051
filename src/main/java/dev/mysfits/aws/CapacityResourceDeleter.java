package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.time.Instant;

/**
 * The EC2 launch type's capacity: the Auto Scaling group is scaled to 0 and its instances left before it is deleted
 * (so the cluster can go after it), then the launch template and the instance profile.
 */
final class CapacityResourceDeleter {
    private final AwsClients aws;
    private final Duration waitTimeout;
    private final Duration pollInterval;

    CapacityResourceDeleter(AwsClients aws, Duration waitTimeout, Duration pollInterval) {
        this.aws = aws;
        this.waitTimeout = waitTimeout;
        this.pollInterval = pollInterval;
    }

    ResourceDeleter.Outcome deleteGroup(OwnedResource group) {
        String doing = "autoscaling delete group " + group.id();
        try {
            var found = aws.autoScalingGroups().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group.id()))
                    .autoScalingGroups();
            if (found.isEmpty()) {
                return ResourceDeleter.Outcome.ALREADY_GONE;
            }
            if (found.get(0).desiredCapacity() > 0 || found.get(0).minSize() > 0) {
                aws.autoScalingGroups().updateAutoScalingGroup(r -> r.autoScalingGroupName(group.id()).minSize(0).desiredCapacity(0));
            }
            Instant deadline = Instant.now().plus(waitTimeout);
            while (!aws.autoScalingGroups().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group.id()))
                    .autoScalingGroups().get(0).instances().isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ResourceBusyException(doing + ": its instances are still terminating", null);
                }
                DeletionErrors.pause(pollInterval.toMillis());
            }
            aws.autoScalingGroups().deleteAutoScalingGroup(r -> r.autoScalingGroupName(group.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle(doing, e);
        }
    }

    ResourceDeleter.Outcome deleteLaunchTemplate(OwnedResource template) {
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

    ResourceDeleter.Outcome deleteInstanceProfile(OwnedResource profile) {
        String doing = "iam delete instance profile " + profile.id();
        try {
            var roles = aws.iam().getInstanceProfile(r -> r.instanceProfileName(profile.id())).instanceProfile().roles();
            for (var role : roles) {
                DeletionErrors.preliminary(() -> aws.iam().removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile.id())
                        .roleName(role.roleName())));
            }
            aws.iam().deleteInstanceProfile(r -> r.instanceProfileName(profile.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle(doing, e);
        }
    }
}
