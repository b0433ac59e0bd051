package dev.mysfits.aws.capacity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EC2 capacity for the EC2 launch type, what the labs' CloudFormation stack made: the ECS-optimized AMI (from its
 * public SSM parameter), instance types, an instance profile, a launch template and an Auto Scaling group.
 */
public interface Capacity {

    record InstanceType(String name, int vcpus, int memoryMiB) {
    }

    record InstanceProfile(String name, String arn, List<String> roles) {
    }

    /** The default version's settings, as mysfits sets them. */
    record LaunchTemplate(String id, String name, long defaultVersion, String imageId, String instanceType,
                          String instanceProfile, List<String> securityGroupIds, String userData) {
    }

    /** @param userData the script itself; the adapter encodes it */
    record LaunchTemplateSpec(String name, String imageId, String instanceType, String instanceProfile,
                              List<String> securityGroupIds, String userData, Map<String, String> tags) {
    }

    /** @param instanceIds the instances in service or on their way, not those terminating */
    record Group(String name, String launchTemplateName, int min, int max, int desired, List<String> subnetIds,
                 List<String> instanceIds) {
    }

    record GroupSpec(String name, String launchTemplateName, int count, List<String> subnetIds, Map<String, String> tags) {
    }

    /** An SSM parameter's value (public AWS parameters included), or empty when the region has none by that name. */
    Optional<String> parameter(String name);

    Optional<InstanceType> instanceType(String name);

    Optional<InstanceProfile> findInstanceProfile(String name);

    InstanceProfile createInstanceProfile(String name, Map<String, String> tags);

    void addRoleToInstanceProfile(String profile, String role);

    Optional<LaunchTemplate> findLaunchTemplate(String name);

    LaunchTemplate createLaunchTemplate(LaunchTemplateSpec spec);

    /** A new version with these settings, made the default one. */
    LaunchTemplate updateLaunchTemplate(LaunchTemplateSpec spec);

    Optional<Group> findGroup(String name);

    void createGroup(GroupSpec spec);

    /** Minimum, maximum and desired capacity all set to count; with launchTemplateName, its latest version too. */
    void resizeGroup(String name, int count, String launchTemplateName);
}
