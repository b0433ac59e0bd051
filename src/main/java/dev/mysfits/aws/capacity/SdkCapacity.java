package dev.mysfits.aws.capacity;

import dev.mysfits.aws.AwsClients;
import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.TransientErrors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Capacity} on the SSM, EC2, IAM and EC2 Auto Scaling APIs. */
public final class SdkCapacity implements Capacity {
    /** Instances that are or will be serving; not those leaving. */
    private static final Set<String> LIVE_STATES = Set.of("Pending", "Pending:Wait", "Pending:Proceed", "InService");

    /** Clients are asked for per call: a setup without --ec2 builds none of these. */
    private final AwsClients aws;
    private final Eventually eventually;

    public SdkCapacity(AwsClients aws, Eventually eventually) {
        this.aws = aws;
        this.eventually = eventually;
    }

    private SsmClient ssm() {
        return aws.ssm();
    }

    private Ec2Client ec2() {
        return aws.ec2();
    }

    private IamClient iam() {
        return aws.iam();
    }

    private AutoScalingClient autoScaling() {
        return aws.autoScalingGroups();
    }

    @Override
    public Optional<String> parameter(String name) {
        try {
            return Optional.of(ssm().getParameter(r -> r.name(name)).parameter().value());
        } catch (ParameterNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("ssm get parameter " + name, e);
        }
    }

    @Override
    public Optional<InstanceType> instanceType(String name) {
        try {
            return ec2().describeInstanceTypes(r -> r.instanceTypesWithStrings(name)).instanceTypes().stream().findFirst()
                    .map(t -> new InstanceType(t.instanceTypeAsString(), t.vCpuInfo().defaultVCpus(),
                            t.memoryInfo().sizeInMiB().intValue()));
        } catch (Ec2Exception e) {
            if ("InvalidInstanceType".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw AwsErrors.wrap("ec2 describe instance type " + name, e);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 describe instance type " + name, e);
        }
    }

    @Override
    public Optional<InstanceProfile> findInstanceProfile(String name) {
        try {
            var profile = iam().getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile();
            return Optional.of(new InstanceProfile(profile.instanceProfileName(), profile.arn(),
                    profile.roles().stream().map(software.amazon.awssdk.services.iam.model.Role::roleName).toList()));
        } catch (NoSuchEntityException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam get instance profile " + name, e);
        }
    }

    @Override
    public InstanceProfile createInstanceProfile(String name, Map<String, String> tags) {
        try {
            var profile = iam().createInstanceProfile(r -> r.instanceProfileName(name).tags(tags.entrySet().stream()
                    .map(t -> software.amazon.awssdk.services.iam.model.Tag.builder().key(t.getKey()).value(t.getValue()).build())
                    .toList())).instanceProfile();
            return new InstanceProfile(profile.instanceProfileName(), profile.arn(), List.of());
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam create instance profile " + name, e);
        }
    }

    @Override
    public void addRoleToInstanceProfile(String profile, String role) {
        try {
            eventually.run("IAM role " + role + " to be readable", Eventually.PROPAGATION, TransientErrors.NOT_YET_VISIBLE,
                    () -> iam().addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role)));
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam add role " + role + " to instance profile " + profile, e);
        }
    }

    @Override
    public Optional<LaunchTemplate> findLaunchTemplate(String name) {
        try {
            var template = ec2().describeLaunchTemplates(r -> r.launchTemplateNames(name)).launchTemplates().stream().findFirst();
            if (template.isEmpty()) {
                return Optional.empty();
            }
            LaunchTemplateVersion version = ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(template.get().launchTemplateId())
                    .versions("$Default")).launchTemplateVersions().get(0);
            var data = version.launchTemplateData();
            String userData = data.userData() == null ? null
                    : new String(Base64.getDecoder().decode(data.userData()), StandardCharsets.UTF_8);
            return Optional.of(new LaunchTemplate(template.get().launchTemplateId(), name, version.versionNumber(),
                    data.imageId(), data.instanceTypeAsString(), data.iamInstanceProfile() == null ? null : data.iamInstanceProfile().name(),
                    data.securityGroupIds(), userData));
        } catch (Ec2Exception e) {
            if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                    && e.awsErrorDetails().errorCode().startsWith("InvalidLaunchTemplateName")) {
                return Optional.empty();
            }
            throw AwsErrors.wrap("ec2 describe launch template " + name, e);
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 describe launch template " + name, e);
        }
    }

    @Override
    public LaunchTemplate createLaunchTemplate(LaunchTemplateSpec spec) {
        try {
            var created = ec2().createLaunchTemplate(r -> r.launchTemplateName(spec.name()).launchTemplateData(data(spec))
                    .tagSpecifications(tags(ResourceType.LAUNCH_TEMPLATE, spec.tags()))).launchTemplate();
            return new LaunchTemplate(created.launchTemplateId(), spec.name(), created.defaultVersionNumber(), spec.imageId(),
                    spec.instanceType(), spec.instanceProfile(), spec.securityGroupIds(), spec.userData());
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 create launch template " + spec.name(), e);
        }
    }

    @Override
    public LaunchTemplate updateLaunchTemplate(LaunchTemplateSpec spec) {
        try {
            var version = ec2().createLaunchTemplateVersion(r -> r.launchTemplateName(spec.name()).launchTemplateData(data(spec)))
                    .launchTemplateVersion();
            ec2().modifyLaunchTemplate(r -> r.launchTemplateName(spec.name()).defaultVersion(String.valueOf(version.versionNumber())));
            return new LaunchTemplate(version.launchTemplateId(), spec.name(), version.versionNumber(), spec.imageId(),
                    spec.instanceType(), spec.instanceProfile(), spec.securityGroupIds(), spec.userData());
        } catch (SdkException e) {
            throw AwsErrors.wrap("ec2 create launch template version of " + spec.name(), e);
        }
    }

    @Override
    public Optional<Group> findGroup(String name) {
        try {
            return autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().stream()
                    .findFirst().map(SdkCapacity::toRecord);
        } catch (SdkException e) {
            throw AwsErrors.wrap("autoscaling describe group " + name, e);
        }
    }

    @Override
    public void createGroup(GroupSpec spec) {
        try {
            eventually.run("instance profile of launch template " + spec.launchTemplateName() + " to reach EC2 Auto Scaling",
                    Eventually.PROPAGATION, TransientErrors.ROLE_NOT_YET_USABLE, () -> autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName(spec.name())
                    .launchTemplate(t -> t.launchTemplateName(spec.launchTemplateName()).version("$Default"))
                    .minSize(spec.count()).maxSize(spec.count()).desiredCapacity(spec.count())
                    .vpcZoneIdentifier(String.join(",", spec.subnetIds()))
                    .tags(spec.tags().entrySet().stream().map(t -> software.amazon.awssdk.services.autoscaling.model.Tag.builder()
                            .key(t.getKey()).value(t.getValue()).propagateAtLaunch(true)
                            .resourceId(spec.name()).resourceType("auto-scaling-group").build()).toList())));
        } catch (SdkException e) {
            throw AwsErrors.wrap("autoscaling create group " + spec.name(), e);
        }
    }

    @Override
    public void resizeGroup(String name, int count, String launchTemplateName) {
        try {
            autoScaling().updateAutoScalingGroup(r -> {
                r.autoScalingGroupName(name).minSize(count).maxSize(count).desiredCapacity(count);
                if (launchTemplateName != null) {
                    r.launchTemplate(t -> t.launchTemplateName(launchTemplateName).version("$Default"));
                }
            });
        } catch (SdkException e) {
            throw AwsErrors.wrap("autoscaling update group " + name, e);
        }
    }

    private static RequestLaunchTemplateData data(LaunchTemplateSpec spec) {
        return RequestLaunchTemplateData.builder()
                .imageId(spec.imageId())
                .instanceType(spec.instanceType())
                .iamInstanceProfile(p -> p.name(spec.instanceProfile()))
                .securityGroupIds(spec.securityGroupIds())
                .userData(Base64.getEncoder().encodeToString(spec.userData().getBytes(StandardCharsets.UTF_8)))
                .tagSpecifications(software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest.builder()
                        .resourceType(ResourceType.INSTANCE).tags(spec.tags().entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()).build())
                .build();
    }

    private static TagSpecification tags(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type).tags(tags.entrySet().stream()
                .map(e -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList()).build();
    }

    private static Group toRecord(AutoScalingGroup g) {
        List<String> subnets = g.vpcZoneIdentifier() == null || g.vpcZoneIdentifier().isBlank() ? List.of()
                : Arrays.asList(g.vpcZoneIdentifier().split(","));
        return new Group(g.autoScalingGroupName(), g.launchTemplate() == null ? null : g.launchTemplate().launchTemplateName(),
                g.minSize(), g.maxSize(), g.desiredCapacity(), subnets,
                g.instances().stream().filter(i -> LIVE_STATES.contains(i.lifecycleStateAsString()))
                        .map(software.amazon.awssdk.services.autoscaling.model.Instance::instanceId).toList());
    }
}
