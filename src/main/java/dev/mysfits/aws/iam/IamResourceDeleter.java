package dev.mysfits.aws.iam;

import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;

import java.util.Map;

/** IAM roles: IAM refuses to delete a role with policies or instance profiles, so those go first. */
public record IamResourceDeleter(IamClient client) implements ServiceDeleter {

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(ResourceType.IAM_ROLE, this::deleteRole);
    }

    public ResourceDeleter.Outcome deleteRole(OwnedResource role) {
        String name = role.id().contains(":role/") ? role.id().substring(role.id().lastIndexOf('/') + 1) : role.id();
        return DeletionErrors.deleteOrGone("iam delete role " + name, () -> {
            for (AttachedPolicy policy : client.listAttachedRolePolicies(r -> r.roleName(name)).attachedPolicies()) {
                DeletionErrors.preliminary(() -> client.detachRolePolicy(r -> r.roleName(name).policyArn(policy.policyArn())));
            }
            for (String policy : client.listRolePolicies(r -> r.roleName(name)).policyNames()) {
                DeletionErrors.preliminary(() -> client.deleteRolePolicy(r -> r.roleName(name).policyName(policy)));
            }
            for (InstanceProfile profile : client.listInstanceProfilesForRole(r -> r.roleName(name)).instanceProfiles()) {
                DeletionErrors.preliminary(() -> client.removeRoleFromInstanceProfile(r -> r.roleName(name)
                        .instanceProfileName(profile.instanceProfileName())));
            }
            client.deleteRole(r -> r.roleName(name));
        });
    }
}
