package dev.mysfits.workflow.setup;

import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.ec2.Network.SecurityGroup;
import dev.mysfits.core.Change;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.Step;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Remembers the private subnets for deploy --private, as a tag on the tasks' security group
 * ({@value ResourceNames#TAG_PRIVATE_SUBNETS}, ids space-separated): in the account, like everything else deploy
 * finds, so another machine or a lost ledger knows them too, and cleanup takes the tag with the group. Without
 * subnets given, what an earlier setup remembered stays.
 */
final class EnsurePrivateSubnetsStep implements Step<SetupContext> {
    private final Network network;

    EnsurePrivateSubnetsStep(Network network) {
        this.network = network;
    }

    @Override
    public String name() {
        return "remember private subnets";
    }

    @Override
    public Change plan(SetupContext ctx) {
        SecurityGroup group = ctx.securityGroups.get(SecurityGroupRole.TASKS);
        String resource = ResourceNames.TAG_PRIVATE_SUBNETS + " tag on " + ctx.names.tasksSecurityGroup();
        List<String> remembered = group == null ? List.of() : parse(network.tags(group.id()).get(ResourceNames.TAG_PRIVATE_SUBNETS));
        List<String> wanted = ctx.privateSubnetIds;
        if (wanted.isEmpty()) {
            ctx.privateSubnetIds = remembered;
            return Change.none(resource, remembered.isEmpty() ? "no private subnets: deploy --private needs setup --private-subnets"
                    : String.join(", ", remembered));
        }
        if (wanted.equals(remembered)) {
            return Change.none(resource, String.join(", ", wanted));
        }
        return remembered.isEmpty() ? Change.create(resource, String.join(", ", wanted))
                : Change.update(resource, String.join(", ", remembered) + " -> " + String.join(", ", wanted));
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        network.tag(ctx.securityGroupId(SecurityGroupRole.TASKS),
                Map.of(ResourceNames.TAG_PRIVATE_SUBNETS, String.join(" ", ctx.privateSubnetIds)));
    }

    static List<String> parse(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.trim().split("\\s+")).toList();
    }
}
