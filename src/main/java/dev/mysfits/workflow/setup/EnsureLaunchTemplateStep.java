package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.capacity.Capacity;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.List;

/**
 * The launch template of the container instances: the ECS-optimized AMI, the instance type, the instance profile,
 * the instances' security group, and user data that joins them to the cluster. A change makes a new default version;
 * instances already running keep theirs, as on AWS.
 */
final class EnsureLaunchTemplateStep implements Step<SetupContext> {
    private final Capacity capacity;
    private final Ledger ledger;

    EnsureLaunchTemplateStep(Capacity capacity, Ledger ledger) {
        this.capacity = capacity;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "ensure launch template";
    }

    static String userData(String cluster) {
        return "#!/bin/bash\necho ECS_CLUSTER=" + cluster + " >> /etc/ecs/ecs.config\n";
    }

    private Capacity.LaunchTemplateSpec wanted(SetupContext ctx) {
        String group = ctx.securityGroupId(SecurityGroupRole.INSTANCES);
        return new Capacity.LaunchTemplateSpec(ctx.names.launchTemplate(), ctx.imageId, ctx.instanceType.name(),
                ctx.names.instanceRole(), group == null ? List.of() : List.of(group), userData(ctx.names.cluster()), ctx.tags());
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = ctx.names.launchTemplate();
        Capacity.LaunchTemplate found = capacity.findLaunchTemplate(name).orElse(null);
        ctx.launchTemplate = found;
        Capacity.LaunchTemplateSpec want = wanted(ctx);
        String detail = want.instanceType() + ", " + want.imageId() + ", ECS_CLUSTER=" + ctx.names.cluster();
        if (found == null) {
            return Change.create("launch template " + name, detail);
        }
        boolean same = want.imageId().equals(found.imageId()) && want.instanceType().equals(found.instanceType())
                && want.instanceProfile().equals(found.instanceProfile()) && want.userData().equals(found.userData())
                && (want.securityGroupIds().isEmpty() || want.securityGroupIds().equals(found.securityGroupIds()));
        return same ? Change.none("launch template " + name, "version " + found.defaultVersion())
                : Change.update("launch template " + name, "new version: " + detail);
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        if (ctx.launchTemplate == null) {
            ctx.launchTemplate = capacity.createLaunchTemplate(wanted(ctx));
            ctx.record(ledger, ResourceType.LAUNCH_TEMPLATE, ctx.names.launchTemplate(), null);
        } else {
            ctx.launchTemplate = capacity.updateLaunchTemplate(wanted(ctx));
        }
    }
}
