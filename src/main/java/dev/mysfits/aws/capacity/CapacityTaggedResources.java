package dev.mysfits.aws.capacity;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The EC2 launch type's Auto Scaling group, by its name and tag (the Tagging API does not cover groups). */
public final class CapacityTaggedResources {
    private final AutoScalingClient groups;

    public CapacityTaggedResources(AutoScalingClient groups) {
        this.groups = groups;
    }

    public List<OwnedResource> autoScalingGroups(String workshop, ResourceNames names, Set<String> known) {
        List<OwnedResource> ours = new ArrayList<>();
        groups.describeAutoScalingGroups(r -> r.autoScalingGroupNames(names.autoScalingGroup()))
                .autoScalingGroups().forEach(group -> {
                    boolean tagged = group.tags().stream().anyMatch(t -> ResourceNames.TAG_WORKSHOP.equals(t.key())
                            && workshop.equals(t.value()));
                    if (tagged || known.contains(group.autoScalingGroupName())) {
                        ours.add(OwnedResource.of(ResourceType.AUTO_SCALING_GROUP, group.autoScalingGroupName(),
                                group.autoScalingGroupName(), null, null));
                    }
                });
        return ours;
    }
}
