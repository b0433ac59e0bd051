package dev.mysfits.aws.ec2;

import dev.mysfits.aws.Eventually;
import dev.mysfits.aws.OwnedResource;
import dev.mysfits.aws.ResourceBusyException;
import dev.mysfits.aws.ResourceDeleter;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceType;
import dev.mysfits.fakes.RecordedWaits;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ec2ResourceDeleterTest {
    private static final OwnedResource ALB_GROUP = OwnedResource.of(ResourceType.SECURITY_GROUP, "sg-alb", "mysfits-alb", null, null);
    private static final OwnedResource TASKS_GROUP = OwnedResource.of(ResourceType.SECURITY_GROUP, "sg-tasks", "mysfits-tasks", null, null);

    private final RecordedWaits waits = new RecordedWaits();
    private final AtomicLong now = waits.now;
    private final List<String> shown = waits.shown;
    private final Eventually eventually = waits.eventually();

    /** EC2 as far as the deleter sees it: groups with their rules, and interfaces that hold groups until a time. */
    private static final class FakeEc2 implements Ec2Client {
        final Map<String, SecurityGroup> groups = new HashMap<>();
        final Map<String, Long> interfacesUntil = new HashMap<>(); // "eni-1 sg-x" -> nanos when it goes
        final List<String> revoked = new ArrayList<>();
        final AtomicLong clock;

        FakeEc2(AtomicLong clock) {
            this.clock = clock;
        }

        void group(String id, String name, String workshop, IpPermission... rules) {
            groups.put(id, SecurityGroup.builder().groupId(id).groupName(name).ipPermissions(rules)
                    .tags(workshop == null ? List.of() : List.of(Tag.builder().key("mysfits:workshop").value(workshop).build()))
                    .build());
        }

        List<String> interfacesIn(String groupId) {
            return interfacesUntil.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(" " + groupId) && e.getValue() > clock.get())
                    .map(e -> e.getKey().split(" ")[0]).toList();
        }

        @Override
        public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
            List<SecurityGroup> found = new ArrayList<>();
            for (SecurityGroup g : groups.values()) {
                boolean byId = request.groupIds().isEmpty() || request.groupIds().contains(g.groupId());
                boolean byFilter = request.filters().stream().allMatch(f -> matches(g, f));
                if (byId && byFilter) {
                    found.add(g);
                }
            }
            return DescribeSecurityGroupsResponse.builder().securityGroups(found).build();
        }

        private static boolean matches(SecurityGroup g, Filter f) {
            List<IpPermission> rules = f.name().startsWith("egress.") ? g.ipPermissionsEgress() : g.ipPermissions();
            return rules.stream().anyMatch(p -> p.userIdGroupPairs().stream().anyMatch(u -> f.values().contains(u.groupId())));
        }

        @Override
        public RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest request) {
            SecurityGroup g = groups.get(request.groupId());
            List<String> named = request.ipPermissions().stream()
                    .flatMap(p -> p.userIdGroupPairs().stream()).map(UserIdGroupPair::groupId).toList();
            revoked.add(request.groupId() + " -> " + String.join(",", named));
            List<IpPermission> left = g.ipPermissions().stream()
                    .filter(p -> p.userIdGroupPairs().stream().noneMatch(u -> named.contains(u.groupId()))).toList();
            groups.put(g.groupId(), g.toBuilder().ipPermissions(left).build());
            return RevokeSecurityGroupIngressResponse.builder().build();
        }

        @Override
        public DescribeNetworkInterfacesResponse describeNetworkInterfaces(DescribeNetworkInterfacesRequest request) {
            String groupId = request.filters().get(0).values().get(0);
            return DescribeNetworkInterfacesResponse.builder().networkInterfaces(interfacesIn(groupId).stream()
                    .map(id -> NetworkInterface.builder().networkInterfaceId(id).build()).toList()).build();
        }

        @Override
        public DeleteSecurityGroupResponse deleteSecurityGroup(DeleteSecurityGroupRequest request) {
            String id = request.groupId();
            boolean referenced = groups.values().stream().filter(g -> !g.groupId().equals(id))
                    .anyMatch(g -> matches(g, Filter.builder().name("ip-permission.group-id").values(id).build()));
            if (referenced || !interfacesIn(id).isEmpty()) {
                throw AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("DependencyViolation").errorMessage("resource " + id + " has a dependent object").build()).build();
            }
            groups.remove(id);
            return DeleteSecurityGroupResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "ec2";
        }

        @Override
        public void close() {
        }
    }

    private static IpPermission from(String groupId) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(8080).toPort(8080)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).build()).build();
    }

    @Test
    void deleteSecurityGroup_lingeringInterfaces_waitsShowingHowManyHoldIt() {
        FakeEc2 ec2 = new FakeEc2(now);
        ec2.group("sg-tasks", "mysfits-tasks", "w");
        ec2.interfacesUntil.put("eni-1 sg-tasks", 3_000_000_000L);
        ec2.interfacesUntil.put("eni-2 sg-tasks", 12_000_000_000L);

        assertEquals(ResourceDeleter.Outcome.DELETED, new Ec2ResourceDeleter(ec2, eventually).deleteSecurityGroup(TASKS_GROUP));

        assertTrue(ec2.groups.isEmpty());
        assertEquals("waiting for 2 network interfaces to release security group sg-tasks (mysfits-tasks), 0 s", shown.get(0));
        assertTrue(shown.contains("waiting for 1 network interface to release security group sg-tasks (mysfits-tasks), 5 s"),
                shown.toString());
        assertEquals("network interfaces to release security group sg-tasks (mysfits-tasks): ready after 14 s",
                shown.get(shown.size() - 1));
    }

    @Test
    void deleteSecurityGroup_anotherWorkshopGroupNamesIt_revokesThatRuleFirst_butLeavesAUsersGroupAlone() {
        FakeEc2 ec2 = new FakeEc2(now);
        ec2.group("sg-alb", "mysfits-alb", "w");
        ec2.group("sg-tasks", "mysfits-tasks", "w", from("sg-alb"));
        ec2.group("sg-other", "someone-elses", "other-workshop", from("sg-tasks"));

        assertEquals(ResourceDeleter.Outcome.DELETED, new Ec2ResourceDeleter(ec2, eventually).deleteSecurityGroup(ALB_GROUP));
        assertEquals(List.of("sg-tasks -> sg-alb"), ec2.revoked);

        ResourceBusyException busy = assertThrows(ResourceBusyException.class,
                () -> new Ec2ResourceDeleter(ec2, eventually).deleteSecurityGroup(TASKS_GROUP));
        assertEquals("ec2 delete security group mysfits-tasks: still in use (DependencyViolation): rules of security group "
                + "sg-other (someone-elses) name it", busy.getMessage());
        assertEquals(List.of("sg-tasks -> sg-alb"), ec2.revoked, "a group of another workshop is not ours to change");
        assertTrue(shown.isEmpty(), "nothing to wait for when no interface holds it: " + shown);
    }

    @Test
    void deleteSecurityGroup_interfacesNeverGo_givesUpAfterTwentyMinutesNamingTheWait() {
        FakeEc2 ec2 = new FakeEc2(now);
        ec2.group("sg-tasks", "mysfits-tasks", "w");
        ec2.interfacesUntil.put("eni-1 sg-tasks", Long.MAX_VALUE);

        MysfitsException e = assertThrows(MysfitsException.class,
                () -> new Ec2ResourceDeleter(ec2, eventually).deleteSecurityGroup(TASKS_GROUP));

        assertEquals(ExitCode.TIMEOUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("waiting for 1 network interface to release security group sg-tasks "
                + "(mysfits-tasks): AWS still answers \"resource sg-tasks has a dependent object\" (DependencyViolation)"),
                e.getMessage());
        assertTrue(now.get() >= Ec2ResourceDeleter.INTERFACES_RELEASE.toNanos());
    }
}
