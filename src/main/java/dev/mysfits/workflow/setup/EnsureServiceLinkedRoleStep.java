package dev.mysfits.workflow.setup;

import dev.mysfits.aws.iam.Roles;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

/**
 * Makes ECS's service-linked role when the account lacks it. On a fresh account ECS makes it itself on the first
 * cluster, but refuses that first cluster meanwhile; made here, the wait for it is named. It belongs to the account,
 * not to the workshop: nothing records it, and cleanup leaves it.
 */
public final class EnsureServiceLinkedRoleStep implements Step<SetupContext> {
    static final String ECS_SERVICE = "ecs.amazonaws.com";
    static final String ECS_ROLE = "AWSServiceRoleForECS";

    private final Roles roles;

    EnsureServiceLinkedRoleStep(Roles roles) {
        this.roles = roles;
    }

    @Override
    public String name() {
        return "ensure ECS service-linked role";
    }

    @Override
    public Change plan(SetupContext ctx) {
        String resource = "IAM service-linked role " + ECS_ROLE;
        return roles.find(ECS_ROLE).isPresent() ? Change.none(resource, "")
                : Change.create(resource, "for " + ECS_SERVICE + ", once per account");
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        roles.ensureServiceLinkedRole(ECS_SERVICE);
    }
}
