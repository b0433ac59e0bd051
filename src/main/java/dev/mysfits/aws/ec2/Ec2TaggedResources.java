package dev.mysfits.aws.ec2;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.ArrayList;
import java.util.List;

/** A workshop's security groups, by EC2's own tag filter (one call that also gives their names). */
public final class Ec2TaggedResources {
    private final Ec2Client ec2;

    public Ec2TaggedResources(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    public List<OwnedResource> securityGroups(String workshop) {
        List<OwnedResource> ours = new ArrayList<>();
        for (SecurityGroup group : ec2.describeSecurityGroups(r -> r.filters(byWorkshop(workshop))).securityGroups()) {
            ours.add(OwnedResource.of(ResourceType.SECURITY_GROUP, group.groupId(), group.groupName(), null, null));
        }
        return ours;
    }

    /** Launch templates of the EC2 launch type, by the same filter. */
    public List<OwnedResource> launchTemplates(String workshop) {
        List<OwnedResource> ours = new ArrayList<>();
        ec2.describeLaunchTemplates(r -> r.filters(byWorkshop(workshop))).launchTemplates().forEach(template ->
                ours.add(OwnedResource.of(ResourceType.LAUNCH_TEMPLATE, template.launchTemplateName(),
                        template.launchTemplateName(), null, null)));
        return ours;
    }

    private static Filter byWorkshop(String workshop) {
        return Filter.builder().name("tag:" + ResourceNames.TAG_WORKSHOP).values(workshop).build();
    }
}
