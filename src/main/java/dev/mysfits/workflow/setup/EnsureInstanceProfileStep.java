package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.capacity.Capacity;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/** The instance profile that hands the container instances' role to EC2 (same name as the role). */
final class EnsureInstanceProfileStep implements Step<SetupContext> {
    private final Capacity capacity;
    private final Ledger ledger;

    EnsureInstanceProfileStep(Capacity capacity, Ledger ledger) {
        this.capacity = capacity;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "ensure instance profile";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = ctx.names.instanceRole();
        Capacity.InstanceProfile profile = capacity.findInstanceProfile(name).orElse(null);
        ctx.instanceProfile = profile;
        if (profile == null) {
            return Change.create("instance profile " + name, "with role " + name);
        }
        return profile.roles().contains(name) ? Change.none("instance profile " + name, "")
                : Change.update("instance profile " + name, "add role " + name);
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        String name = ctx.names.instanceRole();
        if (ctx.instanceProfile == null) {
            ctx.instanceProfile = capacity.createInstanceProfile(name, ctx.tags());
            ctx.record(ledger, ResourceType.INSTANCE_PROFILE, name, null);
        }
        capacity.addRoleToInstanceProfile(name, name);
    }
}
