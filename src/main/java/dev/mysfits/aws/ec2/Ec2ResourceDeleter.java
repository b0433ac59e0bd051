package dev.mysfits.aws.ec2;

import dev.mysfits.aws.AwsErrors;
import dev.mysfits.aws.DeletionErrors;
import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceBusyException;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.aws.ServiceDeleter;
import dev.mysfits.aws.TransientErrors;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Security groups. Rules naming other groups are revoked first, the group's own and those of the same workshop's
 * groups that name it (the tasks group names the load balancer's): two groups referring to each other block both.
 * Then the delete waits while network interfaces hold the group: AWS lets those of stopped tasks and deleted load
 * balancers go minutes later.
 */
public record Ec2ResourceDeleter(Ec2Client client, Eventually eventually) implements ServiceDeleter {
    /** Fargate's interfaces take 5–20 minutes to go; Terraform's AWS provider waits 15 (AWS-BEHAVIOURS 21). */
    public static final Duration INTERFACES_RELEASE = Duration.ofMinutes(20);

    @Override
    public Map<ResourceType, Delete> deletes() {
        return Map.of(ResourceType.SECURITY_GROUP, this::deleteSecurityGroup);
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
            workshopOf(found.get(0)).ifPresent(workshop -> revokeReferencesTo(group.id(), workshop));
            deleteOnceReleased(group, doing);
            return ResourceDeleter.Outcome.DELETED;
        });
    }

    /** Deletes it, waiting while network interfaces hold it; anything else that holds it is the caller's to retry. */
    private void deleteOnceReleased(OwnedResource group, String doing) {
        String label = "security group " + group.id() + (group.name().equals(group.id()) ? "" : " (" + group.name() + ")");
        AtomicReference<String> waitingFor = new AtomicReference<>("network interfaces to release " + label);
        eventually.call("interfaces of " + group.id(), waitingFor::get, INTERFACES_RELEASE, TransientErrors.GROUP_IN_USE, () -> {
            try {
                client.deleteSecurityGroup(r -> r.groupId(group.id()));
                waitingFor.set("network interfaces to release " + label);
                return null;
            } catch (SdkException e) {
                if (!TransientErrors.GROUP_IN_USE.test(e)) {
                    throw e;
                }
                int interfaces = interfacesIn(group.id());
                if (interfaces == 0) {
                    throw new ResourceBusyException(doing + ": still in use (" + AwsErrors.code(e) + ")"
                            + referrers(group.id()), e);
                }
                waitingFor.set(interfaces + " network interface" + (interfaces == 1 ? "" : "s") + " to release " + label);
                throw e;
            }
        });
    }

    private int interfacesIn(String groupId) {
        long count = client.describeNetworkInterfacesPaginator(r -> r.filters(filter("group-id", groupId)))
                .networkInterfaces().stream().count();
        return (int) count;
    }

    /** The groups whose rules still name this one, for the leftover's reason. */
    private String referrers(String groupId) {
        List<String> names = referringGroups(groupId).stream()
                .map(g -> g.groupId() + " (" + g.groupName() + ")").toList();
        return names.isEmpty() ? "" : ": rules of security group " + String.join(", ", names) + " name it";
    }

    private List<SecurityGroup> referringGroups(String groupId) {
        List<SecurityGroup> groups = new ArrayList<>();
        for (String name : List.of("ip-permission.group-id", "egress.ip-permission.group-id")) {
            client.describeSecurityGroupsPaginator(r -> r.filters(filter(name, groupId))).securityGroups().stream()
                    .filter(g -> !g.groupId().equals(groupId) && groups.stream().noneMatch(k -> k.groupId().equals(g.groupId())))
                    .forEach(groups::add);
        }
        return groups;
    }

    /** Revokes the rules of the same workshop's other groups that name this one; a user's own groups stay as they are. */
    private void revokeReferencesTo(String groupId, String workshop) {
        for (SecurityGroup other : referringGroups(groupId)) {
            if (!workshopOf(other).filter(workshop::equals).isPresent()) {
                continue;
            }
            for (IpPermission permission : naming(other.ipPermissions(), groupId)) {
                revoke(() -> client.revokeSecurityGroupIngress(r -> r.groupId(other.groupId()).ipPermissions(permission)));
            }
            for (IpPermission permission : naming(other.ipPermissionsEgress(), groupId)) {
                revoke(() -> client.revokeSecurityGroupEgress(r -> r.groupId(other.groupId()).ipPermissions(permission)));
            }
        }
    }

    private static Optional<String> workshopOf(SecurityGroup group) {
        return group.tags().stream().filter(t -> ResourceNames.TAG_WORKSHOP.equals(t.key())).map(Tag::value).findFirst();
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
                .map(p -> reduced(p, p.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList()))
                .toList();
    }

    /** The rules that name this group, reduced to it. */
    private static List<IpPermission> naming(List<IpPermission> permissions, String groupId) {
        return permissions.stream()
                .filter(p -> p.userIdGroupPairs().stream().anyMatch(pair -> groupId.equals(pair.groupId())))
                .map(p -> reduced(p, List.of(groupId)))
                .toList();
    }

    private static IpPermission reduced(IpPermission p, List<String> groupIds) {
        return IpPermission.builder().ipProtocol(p.ipProtocol()).fromPort(p.fromPort()).toPort(p.toPort())
                .userIdGroupPairs(groupIds.stream().map(id -> UserIdGroupPair.builder().groupId(id).build()).toList())
                .build();
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
