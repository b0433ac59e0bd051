package dev.mysfits.workflow.setup;

import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.aws.iam.Roles;
import dev.mysfits.aws.iam.Roles.Role;
import dev.mysfits.core.Change;
import dev.mysfits.workflow.Step;

import java.util.List;

/**
 * Makes one IAM role and attaches its managed policy if missing. The execution role gets
 * AmazonECSTaskExecutionRolePolicy (pull from ECR, write logs); the task role gets nothing: the samples call no AWS
 * API; the container instances' role gets AmazonEC2ContainerServiceforEC2Role.
 */
public final class EnsureRoleStep implements Step<SetupContext> {
    private final Roles roles;
    private final Ledger ledger;
    static final String EXECUTION_POLICY_ARN = RoleKind.EXECUTION.policies().get(0);

    private final RoleKind kind;
    private List<String> missingPolicies = List.of();

    public EnsureRoleStep(Roles roles, Ledger ledger, RoleKind kind) {
        this.roles = roles;
        this.ledger = ledger;
        this.kind = kind;
    }

    @Override
    public String name() {
        return "ensure " + kind.label() + " role";
    }

    private String roleName(SetupContext ctx) {
        return kind.roleName(ctx.names);
    }

    private List<String> policies() {
        return kind.policies();
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = roleName(ctx);
        String resource = "IAM role " + name;
        Role role = roles.find(name).orElse(null);
        if (role == null) {
            missingPolicies = policies();
            return Change.create(resource, "trusts " + kind.trustedService()
                    + (missingPolicies.isEmpty() ? ", no policies" : ", attach " + shortNames(missingPolicies)));
        }
        ctx.roles.put(kind, role);
        List<String> attached = policies().isEmpty() ? List.of() : roles.attachedPolicyArns(name);
        missingPolicies = policies().stream().filter(p -> !attached.contains(p)).toList();
        return missingPolicies.isEmpty() ? Change.none(resource, "") : Change.update(resource, "attach " + shortNames(missingPolicies));
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        String name = roleName(ctx);
        if (!ctx.roles.containsKey(kind)) {
            Role created = roles.create(name, kind.trustPolicy(), "mysfits " + ctx.names.workshop() + ": "
                    + kind.description(), ctx.tags());
            ctx.record(ledger, ResourceType.IAM_ROLE, name, null);
            ctx.roles.put(kind, created);
        }
        for (String policy : missingPolicies) {
            roles.attachPolicy(name, policy);
        }
    }

    private static String shortNames(List<String> arns) {
        return String.join(", ", arns.stream().map(a -> a.substring(a.lastIndexOf('/') + 1)).toList());
    }
}
