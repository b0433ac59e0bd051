package dev.mysfits.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.List;

/** Security groups. Rules naming other groups are revoked first: two groups referring to each other block both. */
final class Ec2ResourceDeleter {
    private final Ec2Client client;

    Ec2ResourceDeleter(Ec2Client client) {
        this.client = client;
    }

    ResourceDeleter.Outcome deleteSecurityGroup(OwnedResource group) {
        String doing = "ec2 delete security group " + group.name();
        try {
            List<SecurityGroup> found = client.describeSecurityGroups(r -> r.groupIds(group.id())).securityGroups();
            if (found.isEmpty()) {
                return ResourceDeleter.Outcome.ALREADY_GONE;
            }
            List<IpPermission> ingress = crossReferences(found.get(0).ipPermissions());
            if (!ingress.isEmpty()) {
                client.revokeSecurityGroupIngress(r -> r.groupId(group.id()).ipPermissions(ingress));
            }
            List<IpPermission> egress = crossReferences(found.get(0).ipPermissionsEgress());
            if (!egress.isEmpty()) {
                client.revokeSecurityGroupEgress(r -> r.groupId(group.id()).ipPermissions(egress));
            }
            client.deleteSecurityGroup(r -> r.groupId(group.id()));
            return ResourceDeleter.Outcome.DELETED;
        } catch (SdkException e) {
            return DeletionErrors.handle(doing, e);
        }
    }

    private static List<IpPermission> crossReferences(List<IpPermission> permissions) {
        return permissions.stream()
                .filter(p -> !p.userIdGroupPairs().isEmpty())
                .map(p -> p.toBuilder().ipRanges(List.of()).ipv6Ranges(List.of()).prefixListIds(List.of()).build())
                .toList();
    }
}
