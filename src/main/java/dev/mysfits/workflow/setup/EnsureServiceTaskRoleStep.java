package dev.mysfits.workflow.setup;

import dev.mysfits.aws.iam.Roles;
import dev.mysfits.aws.iam.Roles.Role;
import dev.mysfits.config.TaskRoleConfig;
import dev.mysfits.core.Change;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.ledger.Ledger;
import dev.mysfits.workflow.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's own task role ("taskRole" in mysfits.json): trusted by ECS tasks only, with the managed policies and
 * the inline policy the service asked for, and nothing another service asked for. It lives under the workshop's IAM
 * path, where cleanup lists it. Attaching and putting converge: a second run changes nothing.
 */
public final class EnsureServiceTaskRoleStep implements Step<SetupContext> {
    /** The inline policy's name on the role. */
    static final String INLINE_POLICY = "mysfits-service";

    private final Roles roles;
    private final Ledger ledger;
    private final String service;
    private final TaskRoleConfig config;
    private Role found;
    private List<String> missingPolicies = List.of();
    private boolean putInline;

    public EnsureServiceTaskRoleStep(Roles roles, Ledger ledger, String service, TaskRoleConfig config) {
        this.roles = roles;
        this.ledger = ledger;
        this.service = service;
        this.config = config;
    }

    @Override
    public String name() {
        return "ensure task role for " + service;
    }

    @Override
    public Change plan(SetupContext ctx) {
        String name = ctx.names.serviceTaskRole(service);
        String resource = "IAM role " + name;
        found = roles.find(name).orElse(null);
        List<String> work = new ArrayList<>();
        if (found == null) {
            missingPolicies = config.managedPolicyArns();
            putInline = config.inlinePolicy() != null;
        } else {
            ctx.serviceRoles.put(service, found);
            List<String> attached = config.managedPolicyArns().isEmpty() ? List.of() : roles.attachedPolicyArns(name);
            missingPolicies = config.managedPolicyArns().stream().filter(p -> !attached.contains(p)).toList();
            putInline = config.inlinePolicy() != null
                    && !roles.inlinePolicy(name, INLINE_POLICY).map(p -> Roles.samePolicy(p, config.inlinePolicy())).orElse(false);
        }
        if (!missingPolicies.isEmpty()) {
            work.add("attach " + String.join(", ", missingPolicies.stream().map(a -> a.substring(a.lastIndexOf('/') + 1)).toList()));
        }
        if (putInline) {
            work.add("inline policy from " + config.inlinePolicyFile().getFileName());
        }
        if (found == null) {
            return Change.create(resource, "trusts " + RoleKind.TASK.trustedService() + (work.isEmpty() ? "" : ", " + String.join(", ", work)));
        }
        return work.isEmpty() ? Change.none(resource, "") : Change.update(resource, String.join(", ", work));
    }

    @Override
    public void apply(SetupContext ctx, Change change) {
        String name = ctx.names.serviceTaskRole(service);
        if (found == null) {
            Map<String, String> tags = new HashMap<>(ctx.tags());
            tags.put(ResourceNames.TAG_SERVICE, service);
            found = roles.create(name, ctx.names.serviceTaskRolePath(), RoleKind.TASK.trustPolicy(),
                    "mysfits " + ctx.names.workshop() + ": ECS task role of " + service, tags);
            ctx.record(ledger, ResourceType.IAM_ROLE, name, service);
            ctx.serviceRoles.put(service, found);
        }
        for (String policy : missingPolicies) {
            roles.attachPolicy(name, policy);
        }
        if (putInline) {
            roles.putInlinePolicy(name, INLINE_POLICY, config.inlinePolicy());
        }
    }
}
