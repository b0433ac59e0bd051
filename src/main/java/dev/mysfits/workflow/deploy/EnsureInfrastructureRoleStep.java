package dev.mysfits.workflow.deploy;

import dev.mysfits.aws.iam.Roles;
import dev.mysfits.core.Change;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.Step;

/**
 * The role ECS changes the listener's weights with during a blue/green, canary or linear deployment: trusted by
 * ecs.amazonaws.com, with AWS's managed policy for load balancers. One per workshop, made on the first deploy that
 * needs it; cleanup finds it by its tag.
 */
final class EnsureInfrastructureRoleStep implements Step<DeployContext> {
    static final String POLICY_ARN = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final Roles roles;
    private final Ledger ledger;
    private boolean exists;
    private boolean attached;

    EnsureInfrastructureRoleStep(Roles roles, Ledger ledger) {
        this.roles = roles;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "infrastructure role";
    }

    @Override
    public Change plan(DeployContext ctx) {
        String name = ctx.names.infrastructureRole();
        String resource = "IAM role " + name;
        Roles.Role role = roles.find(name).orElse(null);
        exists = role != null;
        if (!exists) {
            return Change.create(resource, "trusts ecs.amazonaws.com, attach AmazonECSInfrastructureRolePolicyForLoadBalancers");
        }
        ctx.infrastructureRoleArn = role.arn();
        if (!role.trustedServices().contains("ecs.amazonaws.com")) {
            throw dev.mysfits.core.MysfitsException.precondition("IAM role " + name + " does not trust ecs.amazonaws.com",
                    "delete the role (mysfits cleanup removes it when mysfits made it) and deploy again");
        }
        attached = roles.attachedPolicyArns(name).contains(POLICY_ARN);
        return attached ? Change.none(resource, "trusts ecs.amazonaws.com")
                : Change.update(resource, "attach AmazonECSInfrastructureRolePolicyForLoadBalancers");
    }

    @Override
    public void apply(DeployContext ctx, Change change) {
        String name = ctx.names.infrastructureRole();
        if (!exists) {
            Roles.Role created = roles.create(name, TRUST, "mysfits " + ctx.names.workshop()
                    + ": ECS shifts load balancer traffic in blue/green, canary and linear deployments",
                    java.util.Map.of(dev.mysfits.core.ResourceNames.TAG_WORKSHOP, ctx.names.workshop()));
            // The workshop's, not one service's: removing one service leaves it to the others.
            ledger.record(ResourceType.IAM_ROLE, name, null, ctx.infrastructure.region());
            ctx.infrastructureRoleArn = created.arn();
        }
        if (!attached) {
            roles.attachPolicy(name, POLICY_ARN);
        }
    }
}
