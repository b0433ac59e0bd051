package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.capacity.Capacity;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/**
 * The Auto Scaling group that keeps the container instances running, across the setup's subnets. Its minimum,
 * maximum and desired capacity are all the requested count: mysfits sizes it, nothing scales it behind its back.
 */
final class EnsureAutoScalingGroupStep implements Step<SetupContext> {
    private final Capacity capacity;
    private final Ledger ledger;

    EnsureAutoScalingGroupStep(Capacity capacity, Ledger ledger) {
        this.capacity = capacity;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "ensure Auto Scaling group";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = ctx.names.autoScalingGroup();
        int count = ctx.request.capacity().instances();
        Capacity.Group group = capacity.findGroup(name).orElse(null);
        ctx.group = group;
        if (group == null) {
            return Change.create("Auto Scaling group " + name, count + " instance(s) across " + ctx.subnetIds.size() + " subnet(s)");
        }
        if (group.desired() != count || group.min() != count || group.max() != count) {
            return Change.update("Auto Scaling group " + name, group.desired() + " -> " + count + " instance(s)");
        }
        return Change.none("Auto Scaling group " + name, count + " instance(s)");
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        String name = ctx.names.autoScalingGroup();
        int count = ctx.request.capacity().instances();
        if (ctx.group == null) {
            capacity.createGroup(new Capacity.GroupSpec(name, ctx.names.launchTemplate(), count, ctx.subnetIds, ctx.tags()));
            ctx.record(ledger, ResourceType.AUTO_SCALING_GROUP, name, null);
        } else {
            capacity.resizeGroup(name, count, ctx.names.launchTemplate());
        }
    }
}
