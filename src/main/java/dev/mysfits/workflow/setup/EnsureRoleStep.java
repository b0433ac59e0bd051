package dev.mysfits.workflow.setup;

import dev.mysfits.aws.Roles.Role;
import dev.mysfits.ledger.ResourceType;
import dev.mysfits.workflow.Change;
import dev.mysfits.workflow.Step;

import java.util.List;

/**
 * Makes one IAM role ECS tasks assume, and attaches its managed policy if missing. The execution role gets
 * AmazonECSTaskExecutionRolePolicy (pull from ECR, write logs); the task role gets nothing: the samples call no AWS API.
 */
public final class EnsureRoleStep implements Step<SetupContext> {
    static final String EXECUTION_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
    static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private final RoleKind kind;
    private List<String> missingPolicies = List.of();

    public EnsureRoleStep(RoleKind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return "ensure " + (kind == RoleKind.EXECUTION ? "task execution" : "task") + " role";
    }

    private String roleName(SetupContext ctx) {
        return kind == RoleKind.EXECUTION ? ctx.names.executionRole() : ctx.names.taskRole();
    }

    private List<String> policies() {
        return kind == RoleKind.EXECUTION ? List.of(EXECUTION_POLICY_ARN) : List.of();
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = roleName(ctx);
        String resource = "IAM role " + name;
        Role role = ctx.aws.roles().find(name).orElse(null);
        if (role == null) {
            missingPolicies = policies();
            return Change.create(resource, "trusts ecs-tasks.amazonaws.com"
                    + (missingPolicies.isEmpty() ? ", no policies" : ", attach " + shortNames(missingPolicies)));
        }
        ctx.roles.put(kind, role);
        List<String> attached = policies().isEmpty() ? List.of() : ctx.aws.roles().attachedPolicyArns(name);
        missingPolicies = policies().stream().filter(p -> !attached.contains(p)).toList();
        return missingPolicies.isEmpty() ? Change.none(resource, "") : Change.update(resource, "attach " + shortNames(missingPolicies));
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        String name = roleName(ctx);
        if (!ctx.roles.containsKey(kind)) {
            Role created = ctx.aws.roles().create(name, TRUST_POLICY,
                    "mysfits " + ctx.names.workshop() + ": " + (kind == RoleKind.EXECUTION ? "ECS task execution" : "ECS task"),
                    ctx.tags());
            ctx.record(ResourceType.IAM_ROLE, name, null);
            ctx.roles.put(kind, created);
        }
        for (String policy : missingPolicies) {
            ctx.aws.roles().attachPolicy(name, policy);
        }
    }

    private static String shortNames(List<String> arns) {
        return String.join(", ", arns.stream().map(a -> a.substring(a.lastIndexOf('/') + 1)).toList());
    }
}
