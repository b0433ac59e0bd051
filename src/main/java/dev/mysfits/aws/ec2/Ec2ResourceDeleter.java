package dev.mysfits.aws.ec2;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceDeleter;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.List;

/** Security groups. Rules naming other groups are revoked first: two groups referring to each other block both. */
public final class Ec2ResourceDeleter {
    private final Ec2Client client;

    public Ec2ResourceDeleter(Ec2Client client) {
        this.client = client;
    }

    public ResourceDeleter.Outcome deleteSecurityGroup(OwnedResource group) {
        String doing = "ec2 delete security group " + group.name();
        return DeletionErrors.decideOrGone(doing, () -> {
            List<SecurityGroup> found = client.describeSecurityGroups(r -> r.groupIds(group.id())).securityGroups();
            if (found.isEmpty()) {
                return ResourceDeleter.Outcome.ALREADY_GONE;
            }
            for (IpPermission permission : crossReferences(found.get(0).ipPermissions())) {
                revoke(() -> client.revokeSecurityGroupIngress(r -> r.groupId(group.id()).ipPermissions(permission)));
            }
            for (IpPermission permission : crossReferences(found.get(0).ipPermissionsEgress())) {
                revoke(() -> client.revokeSecurityGroupEgress(r -> r.groupId(group.id()).ipPermissions(permission)));
            }
            client.deleteSecurityGroup(r -> r.groupId(group.id()));
            return ResourceDeleter.Outcome.DELETED;
        });
    }

    /** One at a time: a rule naming a group that is gone already fails alone (InvalidGroup.NotFound) and is moot. */
    private static void revoke(Runnable revocation) {
        try {
            revocation.run();
        } catch (SdkException e) {
            String code = AwsErrors.code(e);
            if (!code.equals("InvalidPermission.NotFound") && !code.equals("InvalidGroup.NotFound")) {
                throw e;
            }
        }
    }

    /** The rules that name other groups, reduced to protocol, ports and group ids (what revoke matches on). */
    private static List<IpPermission> crossReferences(List<IpPermission> permissions) {
        return permissions.stream()
                .filter(p -> !p.userIdGroupPairs().isEmpty())
                .map(p -> IpPermission.builder().ipProtocol(p.ipProtocol()).fromPort(p.fromPort()).toPort(p.toPort())
                        .userIdGroupPairs(p.userIdGroupPairs().stream()
                                .map(pair -> UserIdGroupPair.builder().groupId(pair.groupId()).build()).toList())
                        .build())
                .toList();
    }
}
