package dev.mysfits.aws.iam;

import dev.mysfits.aws.OwnedResource;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** IAM is global and outside the Tagging API: the workshop's roles and instance profile are looked up by their names. */
public final class IamTaggedResources {
    private final IamClient iam;

    public IamTaggedResources(IamClient iam) {
        this.iam = iam;
    }

    public List<OwnedResource> roles(String workshop, ResourceNames names, Set<String> known) {
        Set<String> candidates = new LinkedHashSet<>(List.of(names.executionRole(), names.taskRole(), names.instanceRole(),
                names.codeBuildRole(), names.infrastructureRole()));
        List<OwnedResource> ours = new ArrayList<>();
        // The services' own task roles live under the workshop's path: listed by it, whatever the services are called.
        for (Role role : iam.listRolesPaginator(r -> r.pathPrefix(names.serviceTaskRolePath())).roles()) {
            if (ours(iam.listRoleTags(r -> r.roleName(role.roleName())).tags(), workshop) || known.contains(role.roleName())) {
                String service = role.roleName().startsWith(names.serviceTaskRole("")) ? role.roleName().substring(names.serviceTaskRole("").length()) : null;
                ours.add(OwnedResource.of(ResourceType.IAM_ROLE, role.roleName(), role.roleName(), service, null));
            }
        }
        for (String role : candidates) {
            try {
                boolean tagged = ours(iam.listRoleTags(r -> r.roleName(role)).tags(), workshop);
                if (tagged || known.contains(role)) {
                    ours.add(OwnedResource.of(ResourceType.IAM_ROLE, role, role, null, null));
                }
            } catch (NoSuchEntityException absent) {
                // not there: nothing to find
            }
        }
        return ours;
    }

    public List<OwnedResource> instanceProfiles(String workshop, ResourceNames names, Set<String> known) {
        String profile = names.instanceRole();
        try {
            // GetInstanceProfile answers the profile's tags too: one call instead of two.
            boolean tagged = ours(iam.getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().tags(), workshop);
            if (tagged || known.contains(profile)) {
                return List.of(OwnedResource.of(ResourceType.INSTANCE_PROFILE, profile, profile, null, null));
            }
        } catch (NoSuchEntityException absent) {
            // not there: nothing to find
        }
        return List.of();
    }

    private static boolean ours(List<Tag> tags, String workshop) {
        return tags.stream().anyMatch(t -> ResourceNames.TAG_WORKSHOP.equals(t.key()) && workshop.equals(t.value()));
    }
}
